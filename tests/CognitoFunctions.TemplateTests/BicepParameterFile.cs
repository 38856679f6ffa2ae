using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.TemplateTests;

/// <summary>Writes a <c>.bicepparam</c> file: the parameters of one deployment of a template beside it.</summary>
internal static class BicepParameterFile
{
    public static string Write(string templateFileName, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"using './{templateFileName}'\n");
        foreach (var (name, value) in parameters)
        {
            text.Append(CultureInfo.InvariantCulture, $"param {name} = {Literal(value)}\n");
        }

        return text.ToString();
    }

    // JSON values as Bicep literals; objects and arrays on one line, their items separated by commas.
    private static string Literal(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Literal)) + "]",
        JsonObject obj => "{ " + string.Join(", ", obj.Select(p => $"{p.Key}: {Literal(p.Value)}")) + " }",
        JsonValue value when value.TryGetValue<string>(out var text) => "'" + Escape(text) + "'",
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => node.ToJsonString(),
    };

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("'", "\\'", StringComparison.Ordinal)
        .Replace("${", "\\${", StringComparison.Ordinal);
}
