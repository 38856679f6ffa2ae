using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Benchmarks;

/// <summary>An RSA-2048 key pair generated for the run, its kid, and its public JWK.</summary>
internal sealed class BenchKey(string kid)
{
    public string Kid { get; } = kid;

    public RSA Rsa { get; } = RSA.Create(2048);

    public byte[] Sign(byte[] data) => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>A second RSA object holding only the public key: the floor verifies with an imported key, as a verifier would.</summary>
    public RSA ImportPublic()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Rsa.ExportParameters(false));
        return rsa;
    }

    public JsonObject Jwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["kid"] = Kid,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }
}
