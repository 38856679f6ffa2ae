using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The <c>Values</c> of a local.settings.json (or of local.settings.sample.json): the app
/// settings of a local run, read the way the Functions host reads them (comments and trailing commas allowed).
/// </summary>
public static class LocalSettings
{
    /// <summary>The scalar <c>Values</c> of the file at <paramref name="path"/>, in file order; empty when it has none.</summary>
    public static IReadOnlyDictionary<string, string> ReadValues(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return root?["Values"] is JsonObject values
            ? values.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
