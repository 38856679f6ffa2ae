using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>A locally generated RSA key pair with its kid, and its JWK.</summary>
public sealed class TestKey(string kid, int bits = 2048)
{
    public string Kid { get; } = kid;

    public RSA Rsa { get; } = RSA.Create(bits);

    /// <summary>Key 1 and key 2 are pool A's two keys (as real pools publish two); key 3 arrives by rotation; key 4 is pool B's.</summary>
    public static TestKey Key1 { get; } = new("key-1");

    public static TestKey Key2 { get; } = new("key-2");

    public static TestKey Key3 { get; } = new("key-3");

    public static TestKey Key4 { get; } = new("key-4");

    public static TestKey Small { get; } = new("small-1024", 1024);

    public byte[] Sign(byte[] data) => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The public JWK, with any member replaced (a null value removes it).</summary>
    public JsonObject Jwk(string? kid = null, params (string Name, string? Value)[] overrides)
    {
        var parameters = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = kid ?? Kid,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        foreach (var (name, value) in overrides)
        {
            if (value is null)
            {
                jwk.Remove(name);
            }
            else
            {
                jwk[name] = value;
            }
        }

        return jwk;
    }

    /// <summary>The public key as PEM text: what an HS256 attacker would use as the HMAC secret.</summary>
    public string PublicPem() => Rsa.ExportSubjectPublicKeyInfoPem();
}
