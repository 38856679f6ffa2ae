using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// Reads a CloudFormation YAML template into its JSON form: short-form tags become the long form
/// (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>,
/// <c>!Sub s</c> → <c>{"Fn::Sub": "s"}</c>), plain scalars that look like numbers or booleans become
/// numbers or booleans, and quoted scalars stay strings.
/// </summary>
public static class CloudFormationYaml
{
    /// <summary>Parses the template file at <paramref name="path"/>.</summary>
    public static JsonObject Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses template text.</summary>
    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"Not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"A template holds one YAML document; this holds {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new FormatException("The template's root is not a mapping.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? value = node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw new FormatException($"Unsupported YAML node at {node.Start}."),
        };

        return node.Tag.IsEmpty || node.Tag.IsNonSpecific ? value : ApplyTag(node, value);
    }

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            // YamlDotNet already refuses duplicate keys while loading.
            var name = (key as YamlScalarNode)?.Value ?? throw new FormatException($"A mapping key at {key.Start} is not a scalar.");
            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null")
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static JsonObject ApplyTag(YamlNode node, JsonNode? value)
    {
        var tag = node.Tag.Value;
        if (!tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal))
        {
            throw new FormatException($"Unsupported YAML tag '{tag}' at {node.Start}.");
        }

        var function = tag[1..];
        return function switch
        {
            "Ref" => new JsonObject { ["Ref"] = ScalarText(node, value) },
            "Condition" => new JsonObject { ["Condition"] = ScalarText(node, value) },
            "GetAtt" when value is JsonValue => new JsonObject { ["Fn::GetAtt"] = SplitGetAtt(node, ScalarText(node, value)) },
            _ => new JsonObject { ["Fn::" + function] = value },
        };
    }

    private static string ScalarText(YamlNode node, JsonNode? value) =>
        node is YamlScalarNode { Value: { } text } ? text : throw new FormatException($"'{node.Tag.Value}' at {node.Start} needs a scalar, got {value?.GetValueKind()}.");

    private static JsonArray SplitGetAtt(YamlNode node, string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < text.Length - 1
            ? new JsonArray(text[..dot], text[(dot + 1)..])
            : throw new FormatException($"!GetAtt '{text}' at {node.Start} is not Resource.Attribute.");
    }
}
