
namespace CognitoFunctions.Authentication.Tests.Keys;

/// <summary>Which JWKs become RS256 verification keys, read through Microsoft.IdentityModel's JsonWebKeySet.</summary>
public sealed class SigningKeySetTests
{
    [Fact]
    public void Usable_RSA_signature_keys_are_kept_and_every_other_key_is_remembered_as_unusable_with_its_reason()
    {
        var keys = SigningKeySet.Parse(Jwks.PoolA(), previous: null)!;

        Assert.Equal(["key-1", "key-2"], keys.Keys.Select(k => k.KeyId).Order());
        Assert.Equal("its use is not sig", keys.Unusable["enc-key"]);
        Assert.Equal("its alg is not RS256", keys.Unusable["rs384-key"]);
        Assert.Equal("its n or e is missing or not base64url", keys.Unusable["no-n-key"]);
        Assert.Equal("its kty is not RSA", keys.Unusable["ec-key"]);
        Assert.Equal("its modulus has 1024 bits (2048 to 8192 are accepted)", keys.Unusable["small-1024"]);
        Assert.Equal("the JWKS lists this kid more than once", keys.Unusable["dup-key"]);
    }

    [Fact]
    public void A_key_without_use_or_alg_is_usable_for_RS256()
    {
        var keys = SigningKeySet.Parse(Jwks.Of(TestKey.Key1.Jwk(null, ("use", null), ("alg", null))), previous: null)!;

        Assert.Equal(KeyLookup.Found, keys.Find("key-1", out var key));
        Assert.Equal(256, key!.SignatureLength);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"keys\":")]
    public void A_document_that_is_not_a_JWKS_gives_no_key_set(string document)
    {
        Assert.Null(SigningKeySet.Parse(document, previous: null));
    }

    [Fact]
    public void Lookups_tell_found_unusable_and_unknown_apart()
    {
        var keys = SigningKeySet.Parse(Jwks.PoolA(), previous: null)!;

        Assert.Equal(KeyLookup.Found, keys.Find("key-2", out _));
        Assert.Equal(KeyLookup.Unusable, keys.Find("enc-key", out _));
        Assert.Equal(KeyLookup.Unknown, keys.Find("key-3", out _));
        Assert.Equal(KeyLookup.Unknown, keys.Find("KEY-1", out _));
    }

    [Fact]
    public void A_key_that_is_still_published_stays_the_same_object_and_a_changed_one_does_not()
    {
        var first = SigningKeySet.Parse(Jwks.Of(TestKey.Key1.Jwk(), TestKey.Key2.Jwk()), previous: null)!;

        var second = SigningKeySet.Parse(Jwks.Of(TestKey.Key1.Jwk(), TestKey.Key3.Jwk("key-2")), first)!;

        first.Find("key-1", out var oldKey1);
        second.Find("key-1", out var newKey1);
        first.Find("key-2", out var oldKey2);
        second.Find("key-2", out var newKey2);
        Assert.Same(oldKey1, newKey1);
        Assert.NotSame(oldKey2, newKey2);
    }
}
