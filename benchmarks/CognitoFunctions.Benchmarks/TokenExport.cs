using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Benchmarks;

/// <summary>Writes the run's JWKS, pool and valid tokens as JSON, so the Node peer verifies exactly the same tokens.</summary>
internal static class TokenExport
{
    public static Task WriteAsync(BenchFixture fixture, string path)
    {
        var document = new JsonObject
        {
            ["userPoolId"] = BenchPool.UserPoolId,
            ["issuer"] = BenchPool.Issuer,
            ["clientId"] = BenchPool.ClientId,
            ["jwks"] = JsonNode.Parse(fixture.Jwks),
            ["tokens"] = new JsonArray([.. fixture.Valid.Select(t => (JsonNode)new JsonObject { ["token"] = t.Compact, ["access"] = t.IsAccess })]),
        };
        return File.WriteAllTextAsync(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }
}
