using System.Buffers.Text;
using System.Text;

namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>
/// The checklist of cognito-and-jwt.md as tokens, against pools A (keys 1 and 2 plus unusable keys) and B (key 4),
/// with a clock skew of 30 s. Every negative case names the exact reason the validator must give.
/// </summary>
public static class TokenCorpus
{
    private const int Skew = 30;

    public static IReadOnlyList<TokenCase> Valid { get; } =
    [
        new("valid ID token signed with key 1", now => TestToken.Id(now).Encode(), CognitoTokenFailure.None),
        new("valid access token signed with key 2", now => TestToken.Access(now).Encode(), CognitoTokenFailure.None),
        new("valid ID token for the pool's second client", now => TestToken.Id(now, client: TestPools.ClientA2).Encode(), CognitoTokenFailure.None),
        new("valid ID token of pool B (its iss selects its keys and clients)", now => TestToken.Id(now, TestKey.Key4, TestPools.IssuerB, TestPools.ClientB1).Encode(), CognitoTokenFailure.None),
        new("valid access token of pool B", now => TestToken.Access(now, TestKey.Key4, TestPools.IssuerB, TestPools.ClientB1).Encode(), CognitoTokenFailure.None),
        new("valid token with typ JWT in the header", now => TestToken.Id(now).SetHeader("typ", "JWT").Encode(), CognitoTokenFailure.None),
        new("valid token with claim names spelled with escapes", now => TestToken.Id(now).Remove("sub").SetRaw("\"s\\u0075b\"", "\"abc\"").Encode(), CognitoTokenFailure.None),
        new("valid token with nested unknown claims", now => TestToken.Id(now).SetRaw("identities", "[{\"providerName\":\"Google\",\"userId\":\"1\"}]").SetRaw("custom:profile", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}").Encode(), CognitoTokenFailure.None),
        new("valid token with prototype-pollution keys as plain data", now => TestToken.Id(now).SetRaw("__proto__", "{\"isAdmin\":true}").SetRaw("constructor", "{\"prototype\":{}}").Encode(), CognitoTokenFailure.None),
        new("valid token with nbf in the past", now => TestToken.Access(now).Set("nbf", now.AddMinutes(-1).ToUnixTimeSeconds()).Encode(), CognitoTokenFailure.None),
        new("valid token without groups, email or username", now => TestToken.Access(now).Remove("cognito:groups").Remove("username").Encode(), CognitoTokenFailure.None),
        new("exp exactly now minus the skew is still valid", now => TestToken.Id(now).Set("exp", now.ToUnixTimeSeconds() - Skew).Encode(), CognitoTokenFailure.None, AtTimeBoundary: true),
        new("nbf exactly now plus the skew is already valid", now => TestToken.Id(now).Set("nbf", now.ToUnixTimeSeconds() + Skew).Encode(), CognitoTokenFailure.None, AtTimeBoundary: true),
    ];

    public static IReadOnlyList<TokenCase> Invalid { get; } =
    [
        // 1. Parsing.
        new("empty token", _ => "", CognitoTokenFailure.Malformed),
        new("one part", _ => "eyJhbGciOiJSUzI1NiJ9", CognitoTokenFailure.Malformed),
        new("two parts", now => string.Join('.', TestToken.Id(now).Encode().Split('.')[..2]), CognitoTokenFailure.Malformed),
        new("four parts", now => TestToken.Id(now).Encode() + ".AAAA", CognitoTokenFailure.Malformed),
        new("five parts: an encrypted token such as a Cognito refresh token", _ => "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.aGVsbG8.aXY.Y2lwaGVy.dGFn", CognitoTokenFailure.Encrypted),
        new("empty header segment", now => "." + string.Join('.', TestToken.Id(now).Encode().Split('.')[1..]), CognitoTokenFailure.Malformed),
        new("base64 padding in a segment", now => Replace(TestToken.Id(now).Encode(), 0, s => s + "=="), CognitoTokenFailure.Malformed),
        new("standard base64 characters (+ /) in a segment", now => Replace(TestToken.Id(now).Encode(), 1, s => "+/" + s[2..]), CognitoTokenFailure.Malformed),
        new("whitespace inside the token", now => TestToken.Id(now).Encode().Insert(10, " "), CognitoTokenFailure.Malformed),
        new("non-canonical base64url (unused bits set)", now => NonCanonical(TestToken.Id(now)), CognitoTokenFailure.Malformed),
        new("header is not JSON", now => TestToken.Id(now).Encode("not json", TestToken.Id(now).PayloadJson), CognitoTokenFailure.Malformed),
        new("header is a JSON array", now => TestToken.Id(now).Encode("[\"RS256\"]", TestToken.Id(now).PayloadJson), CognitoTokenFailure.Malformed),
        new("payload is not JSON", now => TestToken.Id(now).Encode(TestToken.Id(now).HeaderJson, "{\"sub\":"), CognitoTokenFailure.Malformed),
        new("payload is a JSON string", now => TestToken.Id(now).Encode(TestToken.Id(now).HeaderJson, "\"sub\""), CognitoTokenFailure.Malformed),
        new("payload followed by more JSON", now => TestToken.Id(now).Encode(TestToken.Id(now).HeaderJson, TestToken.Id(now).PayloadJson + "{}"), CognitoTokenFailure.Malformed),
        new("payload with a trailing comma", now => TestToken.Id(now).Encode(TestToken.Id(now).HeaderJson, TestToken.Id(now).PayloadJson[..^1] + ",}"), CognitoTokenFailure.Malformed),
        new("payload with a comment", now => TestToken.Id(now).Encode(TestToken.Id(now).HeaderJson, "/* c */" + TestToken.Id(now).PayloadJson), CognitoTokenFailure.Malformed),
        new("payload that is not UTF-8", now => TestToken.Id(now).EncodeBytes(Encoding.UTF8.GetBytes(TestToken.Id(now).HeaderJson), [.. Encoding.UTF8.GetBytes(TestToken.Id(now).PayloadJson[..^1] + ",\"x\":\""), 0xC3, 0x28, (byte)'"', (byte)'}']), CognitoTokenFailure.Malformed),
        new("a lone surrogate escape in a claim", now => TestToken.Id(now).SetRaw("email", "\"\\ud800\"").Encode(), CognitoTokenFailure.Malformed),
        new("token longer than 16 KiB", now => TestToken.Id(now).Set("padding", new string('x', 13_000)).Encode(), CognitoTokenFailure.Malformed),
        new("a claim name given twice (iss)", now => TestToken.Id(now).AddRaw("iss", "\"https://evil.example.com\"").Encode(), CognitoTokenFailure.DuplicateClaim),
        new("a claim name given twice, once with escapes (sub)", now => TestToken.Id(now).AddRaw("\"s\\u0075b\"", "\"other-user\"").Encode(), CognitoTokenFailure.DuplicateClaim),
        new("an unknown claim given twice", now => TestToken.Id(now).AddRaw("custom:role", "\"a\"").AddRaw("custom:role", "\"b\"").Encode(), CognitoTokenFailure.DuplicateClaim),
        new("a name given twice inside a nested claim", now => TestToken.Id(now).SetRaw("custom:profile", "{\"role\":\"user\",\"role\":\"admin\"}").Encode(), CognitoTokenFailure.DuplicateClaim),
        new("a header parameter given twice (alg)", now => TestToken.Id(now).AddHeaderRaw("alg", "\"none\"").Encode(), CognitoTokenFailure.DuplicateClaim),
        new("alg is not a string", now => TestToken.Id(now).SetHeaderRaw("alg", "256").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("kid is not a string", now => TestToken.Id(now).SetHeaderRaw("kid", "1").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("typ is not a string", now => TestToken.Id(now).SetHeaderRaw("typ", "[\"JWT\"]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("iss is not a string", now => TestToken.Id(now).SetRaw("iss", "42").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("sub is not a string", now => TestToken.Id(now).SetRaw("sub", "12345").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("jti is not a string", now => TestToken.Id(now).SetRaw("jti", "{\"id\":1}").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("scope is not a string", now => TestToken.Access(now).SetRaw("scope", "[\"openid\"]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is a number", now => TestToken.Id(now).SetRaw("aud", "7").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is an array holding a number", now => TestToken.Id(now).SetRaw("aud", $"[\"{TestPools.ClientA1}\",7]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is an array holding the right client", now => TestToken.Id(now).Set("aud", new[] { TestPools.ClientA1 }).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is an array holding the right client among others", now => TestToken.Id(now).Set("aud", new[] { "other", TestPools.ClientA1 }).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is an array holding another client", now => TestToken.Id(now).Set("aud", new[] { "someOtherClient" }).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is an empty array", now => TestToken.Id(now).Set("aud", Array.Empty<string>()).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("aud is null", now => TestToken.Id(now).SetRaw("aud", "null").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("exp is a string", now => TestToken.Id(now).Set("exp", now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("exp has a fraction", now => TestToken.Id(now).SetRaw("exp", $"{now.AddHours(1).ToUnixTimeSeconds()}.5").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("nbf is a boolean", now => TestToken.Id(now).SetRaw("nbf", "true").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("iat is a string", now => TestToken.Id(now).Set("iat", "yesterday").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("auth_time is a string", now => TestToken.Id(now).Set("auth_time", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode(), CognitoTokenFailure.InvalidClaimType),
        new("auth_time has a fraction", now => TestToken.Access(now).SetRaw("auth_time", $"{now.ToUnixTimeSeconds()}.25").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("token_use is not a string", now => TestToken.Id(now).SetRaw("token_use", "1").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("client_id is not a string", now => TestToken.Access(now).SetRaw("client_id", "[\"clientA1\"]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("cognito:groups is a string", now => TestToken.Id(now).Set("cognito:groups", "admins").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("cognito:groups holds a number", now => TestToken.Id(now).SetRaw("cognito:groups", "[\"admins\",1]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("username is not a string", now => TestToken.Access(now).SetRaw("username", "42").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("cognito:username is not a string", now => TestToken.Id(now).SetRaw("cognito:username", "{\"name\":\"admin\"}").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("email is not a string", now => TestToken.Id(now).SetRaw("email", "[\"a@example.com\",\"b@example.com\"]").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("email is null", now => TestToken.Id(now).SetRaw("email", "null").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("email_verified is a string", now => TestToken.Id(now).Set("email_verified", "true").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("email_verified is a number", now => TestToken.Id(now).SetRaw("email_verified", "1").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("origin_jti is not a string", now => TestToken.Access(now).SetRaw("origin_jti", "7").Encode(), CognitoTokenFailure.InvalidClaimType),
        new("event_id is not a string", now => TestToken.Id(now).SetRaw("event_id", "false").Encode(), CognitoTokenFailure.InvalidClaimType),

        // 2. Signature and algorithm.
        new("payload changed after signing", now => Tamper(TestToken.Id(now), TestToken.Id(now).Set("cognito:groups", new[] { "admins", "root" })), CognitoTokenFailure.BadSignature),
        new("signature changed", now => FlipSignatureBit(TestToken.Id(now).Encode()), CognitoTokenFailure.BadSignature),
        new("signed with a key that is not the kid's", now => TestToken.Id(now).SignWith(TestKey.Key3).Encode(), CognitoTokenFailure.BadSignature),
        new("signed with pool B's key, naming pool A's kid", now => TestToken.Id(now).SignWith(TestKey.Key4).Encode(), CognitoTokenFailure.BadSignature),
        new("empty signature", now => TestToken.Id(now).Encode()[..(TestToken.Id(now).Encode().LastIndexOf('.') + 1)], CognitoTokenFailure.BadSignature),
        new("truncated signature", now => TestToken.Id(now).Encode()[..^8], CognitoTokenFailure.BadSignature),
        new("alg none with an empty signature", now => TestToken.Id(now).SetHeader("alg", "none").SignWith(_ => []).Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("HS256 signed with the public key as the secret", now => TestToken.Id(now).SetHeader("alg", "HS256").SignWith(d => TestToken.Hs256(Encoding.ASCII.GetBytes(TestKey.Key1.PublicPem()), d)).Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("RS512", now => TestToken.Id(now).SetHeader("alg", "RS512").Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("PS256", now => TestToken.Id(now).SetHeader("alg", "PS256").Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("alg in lower case", now => TestToken.Id(now).SetHeader("alg", "rs256").Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("alg missing", now => TestToken.Id(now).RemoveHeader("alg").Encode(), CognitoTokenFailure.UnsupportedAlgorithm),
        new("a critical header extension", now => TestToken.Id(now).SetHeaderRaw("crit", "[\"exp\"]").Encode(), CognitoTokenFailure.UnsupportedAlgorithm),

        // 3. JWK shape.
        new("kid of a JWK whose use is enc", now => TestToken.Id(now).SetHeader("kid", "enc-key").Encode(), CognitoTokenFailure.UnusableKey),
        new("kid of a JWK whose alg is RS384 (token alg RS256)", now => TestToken.Id(now).SetHeader("kid", "rs384-key").Encode(), CognitoTokenFailure.UnusableKey),
        new("kid of a JWK without n", now => TestToken.Id(now).SetHeader("kid", "no-n-key").Encode(), CognitoTokenFailure.UnusableKey),
        new("kid of an EC key", now => TestToken.Id(now).SetHeader("kid", "ec-key").Encode(), CognitoTokenFailure.UnusableKey),
        new("kid of a 1024-bit RSA key", now => TestToken.Id(now, TestKey.Small).Encode(), CognitoTokenFailure.UnusableKey),
        new("kid the JWKS lists twice", now => TestToken.Id(now).SetHeader("kid", "dup-key").Encode(), CognitoTokenFailure.UnusableKey),

        // 4. kid.
        new("kid missing", now => TestToken.Id(now).RemoveHeader("kid").Encode(), CognitoTokenFailure.MissingKeyId),
        new("kid empty", now => TestToken.Id(now).SetHeader("kid", "").Encode(), CognitoTokenFailure.MissingKeyId),
        new("kid not in the JWKS", now => TestToken.Id(now, TestKey.Key3).Encode(), CognitoTokenFailure.UnknownKeyId),
        new("kid of pool B's key on a pool A token", now => TestToken.Id(now, TestKey.Key4).Encode(), CognitoTokenFailure.UnknownKeyId),
        new("kid longer than any key id", now => TestToken.Id(now).SetHeader("kid", new string('k', 300)).Encode(), CognitoTokenFailure.UnknownKeyId),

        // 5. Time.
        new("expired an hour ago", now => TestToken.Id(now.AddHours(-2)).Encode(), CognitoTokenFailure.Expired),
        new("expired one second beyond the skew", now => TestToken.Id(now).Set("exp", now.ToUnixTimeSeconds() - Skew - 1).Encode(), CognitoTokenFailure.Expired, AtTimeBoundary: true),
        new("exp missing", now => TestToken.Id(now).Remove("exp").Encode(), CognitoTokenFailure.MissingExpiration),
        new("exp negative", now => TestToken.Id(now).Set("exp", -1).Encode(), CognitoTokenFailure.Expired),
        new("nbf an hour ahead", now => TestToken.Id(now).Set("nbf", now.AddHours(1).ToUnixTimeSeconds()).Set("exp", now.AddHours(2).ToUnixTimeSeconds()).Encode(), CognitoTokenFailure.NotYetValid),
        new("nbf one second beyond the skew", now => TestToken.Id(now).Set("nbf", now.ToUnixTimeSeconds() + Skew + 1).Encode(), CognitoTokenFailure.NotYetValid, AtTimeBoundary: true),
        new("nbf after exp", now => TestToken.Id(now).Set("nbf", now.AddHours(2).ToUnixTimeSeconds()).Encode(), CognitoTokenFailure.InvalidLifetime),

        // 6. Issuer and audience.
        new("iss missing", now => TestToken.Id(now).Remove("iss").Encode(), CognitoTokenFailure.WrongIssuer),
        new("iss of an untrusted pool", now => TestToken.Id(now, issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Untrusted").Encode(), CognitoTokenFailure.WrongIssuer),
        new("iss with a trailing slash", now => TestToken.Id(now, issuer: TestPools.IssuerA + "/").Encode(), CognitoTokenFailure.WrongIssuer),
        new("iss in another case", now => TestToken.Id(now, issuer: TestPools.IssuerA.ToUpperInvariant()).Encode(), CognitoTokenFailure.WrongIssuer),
        new("pool B's token claiming pool A's client", now => TestToken.Id(now, TestKey.Key4, TestPools.IssuerB, TestPools.ClientA1).Encode(), CognitoTokenFailure.WrongClient),
        new("ID token for another client", now => TestToken.Id(now, client: "someOtherClient").Encode(), CognitoTokenFailure.WrongClient),
        new("ID token without aud", now => TestToken.Id(now).Remove("aud").Encode(), CognitoTokenFailure.WrongClient),
        new("ID token with the right client_id but a wrong aud", now => TestToken.Id(now, client: "someOtherClient").Set("client_id", TestPools.ClientA1).Encode(), CognitoTokenFailure.WrongClient),
        new("access token for another client", now => TestToken.Access(now, client: "someOtherClient").Encode(), CognitoTokenFailure.WrongClient),
        new("access token with the client in aud but no client_id", now => TestToken.Access(now).Remove("client_id").Set("aud", TestPools.ClientA1).Encode(), CognitoTokenFailure.WrongClient),
        new("access token with client_id in another case", now => TestToken.Access(now, client: TestPools.ClientA1.ToUpperInvariant()).Encode(), CognitoTokenFailure.WrongClient),

        // 7. Cognito-specific.
        new("token_use missing", now => TestToken.Id(now).Remove("token_use").Encode(), CognitoTokenFailure.MissingTokenUse),
        new("token_use refresh", now => TestToken.Id(now).Set("token_use", "refresh").Encode(), CognitoTokenFailure.InvalidTokenUse),
        new("token_use in another case", now => TestToken.Access(now).Set("token_use", "Access").Encode(), CognitoTokenFailure.InvalidTokenUse),
        new("sub missing", now => TestToken.Access(now).Remove("sub").Encode(), CognitoTokenFailure.MissingSubject),
        new("sub empty", now => TestToken.Access(now).Set("sub", "").Encode(), CognitoTokenFailure.MissingSubject),
    ];

    public static IEnumerable<TokenCase> All => Valid.Concat(Invalid);

    public static TokenCase Named(string name) => All.Single(c => c.Name == name);

    private static string Replace(string token, int segment, Func<string, string> change)
    {
        var parts = token.Split('.');
        parts[segment] = change(parts[segment]);
        return string.Join('.', parts);
    }

    private static string Tamper(TestToken signed, TestToken changed)
    {
        var original = signed.Encode().Split('.');
        var altered = changed.Encode().Split('.');
        return $"{original[0]}.{altered[1]}.{original[2]}";
    }

    private static string FlipSignatureBit(string token)
    {
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        parts[2] = Base64Url.EncodeToString(signature);
        return string.Join('.', parts);
    }

    // A payload whose length leaves unused bits in its last character, spelled with one of those bits set: the
    // same bytes in a second spelling, signed as spelled. Only a strict decoder notices.
    private static string NonCanonical(TestToken token)
    {
        var payload = token.PayloadJson;
        while (Encoding.UTF8.GetByteCount(payload) % 3 == 0)
        {
            payload = payload[..^1] + ",\"p\":\"x\"}";
        }

        var encoded = token.Encode(token.HeaderJson, payload).Split('.');
        var last = encoded[1][^1];
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var respelled = encoded[1][..^1] + Alphabet[Alphabet.IndexOf(last, StringComparison.Ordinal) + 1];
        return token.SignInput($"{encoded[0]}.{respelled}");
    }
}
