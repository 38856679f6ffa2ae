using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The <c>Values</c> of a function app's local.settings.json: the app settings of a local run.</summary>
internal static class LocalSettings
{
    public static IReadOnlyDictionary<string, string> ReadValues(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "local.settings.json");
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return root?["Values"] is JsonObject values
            ? values.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }
}
