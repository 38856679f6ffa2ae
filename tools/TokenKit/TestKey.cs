using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>An RS256 key pair with its kid: signs tokens and publishes its public half as a JWK, as Cognito does.</summary>
public sealed class TestKey : IDisposable
{
    /// <summary>A freshly generated key (RSA-2048 unless told otherwise).</summary>
    public TestKey(string kid, int bits = 2048)
        : this(kid, RSA.Create(bits))
    {
    }

    private TestKey(string kid, RSA rsa)
    {
        Kid = kid;
        Rsa = rsa;
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    /// <summary>Key 1 and key 2 are pool A's two keys (as real pools publish two); key 3 arrives by rotation; key 4 is pool B's.</summary>
    public static TestKey Key1 { get; } = new("key-1");

    public static TestKey Key2 { get; } = new("key-2");

    public static TestKey Key3 { get; } = new("key-3");

    public static TestKey Key4 { get; } = new("key-4");

    public static TestKey Small { get; } = new("small-1024", 1024);

    /// <summary>A key read from a private JWK (members n, e, d, p, q, dp, dq, qi), e.g. a peer's published test key.</summary>
    public static TestKey FromPrivateJwk(string kid, JsonNode jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        byte[] Part(string name) => Base64Url.DecodeFromChars(jwk[name]!.GetValue<string>());
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Part("n"),
            Exponent = Part("e"),
            D = Part("d"),
            P = Part("p"),
            Q = Part("q"),
            DP = Part("dp"),
            DQ = Part("dq"),
            InverseQ = Part("qi"),
        });
        return new TestKey(kid, rsa);
    }

    public byte[] Sign(byte[] data) => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>A compact token with <paramref name="claims"/> and the header <c>{alg: RS256, typ: JWT, kid}</c>.</summary>
    public string Sign(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = Kid };
        var input = $"{Encode(header)}.{Encode(claims)}";
        return $"{input}.{Base64Url.EncodeToString(Sign(Encoding.ASCII.GetBytes(input)))}";
    }

    /// <summary>A second RSA object holding only the public key, as a verifier that imported the JWK holds it.</summary>
    public RSA ImportPublic()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Rsa.ExportParameters(false));
        return rsa;
    }

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

    public void Dispose() => Rsa.Dispose();

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
