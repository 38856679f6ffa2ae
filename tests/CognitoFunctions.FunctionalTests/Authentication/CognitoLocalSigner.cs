using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>
/// Signs tokens with cognito-local's own signing key (shipped, public, inside its npm package): tokens the pool's
/// JWKS verifies, with claims no real login would give, such as an expiry in the past.
/// </summary>
internal static class CognitoLocalSigner
{
    private static readonly Lazy<TokenSigner> Signer = new(() => new TokenSigner("CognitoLocal", LoadKey()));

    /// <summary>A token with <paramref name="claims"/>, signed as cognito-local signs (RS256, kid CognitoLocal).</summary>
    public static string Sign(JsonObject claims) => Signer.Value.Sign(claims);

    private static RSA LoadKey()
    {
        var path = Path.Combine(RepositoryLayout.NodeTools, "node_modules", "cognito-local", "lib", "keys", "cognitoLocal.private.json");
        var jwk = JsonNode.Parse(File.ReadAllText(path))!["jwk"]!;
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
        return rsa;
    }
}
