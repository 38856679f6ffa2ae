using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>
/// Signs tokens with cognito-local's own signing key (shipped, public, inside its npm package) as a kit
/// <see cref="TestKey"/>: tokens the pool's JWKS verifies, with claims no real login would give, such as an expiry in
/// the past.
/// </summary>
internal static class CognitoLocalSigner
{
    private static readonly Lazy<TestKey> Key = new(() => TestKey.FromPrivateJwk("CognitoLocal", LoadJwk()));

    /// <summary>A token with <paramref name="claims"/>, signed as cognito-local signs (RS256, kid CognitoLocal).</summary>
    public static string Sign(JsonObject claims) => Key.Value.Sign(claims);

    private static JsonNode LoadJwk()
    {
        var path = Path.Combine(RepositoryLayout.NodeTools, "node_modules", "cognito-local", "lib", "keys", "cognitoLocal.private.json");
        return JsonNode.Parse(File.ReadAllText(path))!["jwk"]!;
    }
}
