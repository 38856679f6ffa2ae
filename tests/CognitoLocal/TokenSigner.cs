using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>An RS256 signing key with its <c>kid</c>: signs compact tokens and publishes its public half as a JWK.</summary>
public sealed class TokenSigner(string keyId, RSA key) : IDisposable
{
    public string KeyId { get; } = keyId;

    /// <summary>A fresh RSA-2048 key.</summary>
    public static TokenSigner Generate(string keyId) => new(keyId, RSA.Create(2048));

    /// <summary>A token with <paramref name="claims"/>, header <c>{alg: RS256, typ: JWT, kid}</c>.</summary>
    public string Sign(JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The public key as a JWKS entry, as Cognito publishes its keys.</summary>
    public JsonObject PublicJwk()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["alg"] = "RS256",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    /// <summary>A JWKS document listing the public keys of <paramref name="signers"/>.</summary>
    public static string Jwks(params TokenSigner[] signers) =>
        new JsonObject { ["keys"] = new JsonArray([.. signers.Select(s => (JsonNode)s.PublicJwk())]) }.ToJsonString();

    public void Dispose() => key.Dispose();

    private static string Encode(JsonObject part) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
