using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Compact JSON written as the host's serializer writes it with its default settings: only <c>"</c>, <c>\</c>,
/// control characters and U+0085, U+2028, U+2029 escaped; every other character (non-ASCII, <c>+ &amp; &lt; '</c>)
/// written as itself, which System.Text.Json's encoders do not do.
/// </summary>
internal static class HostJson
{
    public static string Object(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in properties)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            AppendString(json, name);
            json.Append(':');
            AppendString(json, value);
        }

        return json.Append('}').ToString();
    }

    public static string Element(JsonElement element)
    {
        var json = new StringBuilder();
        AppendElement(json, element);
        return json.ToString();
    }

    private static void AppendElement(StringBuilder json, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                json.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    json.Append(first ? "" : ",");
                    first = false;
                    AppendString(json, property.Name);
                    json.Append(':');
                    AppendElement(json, property.Value);
                }

                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    json.Append(index++ == 0 ? "" : ",");
                    AppendElement(json, item);
                }

                json.Append(']');
                break;
            case JsonValueKind.String:
                AppendString(json, element.GetString()!);
                break;
            default:
                json.Append(element.GetRawText());
                break;
        }
    }

    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\b' => json.Append("\\b"),
                '\t' => json.Append("\\t"),
                '\n' => json.Append("\\n"),
                '\f' => json.Append("\\f"),
                '\r' => json.Append("\\r"),
                < ' ' or '\u0085' or '\u2028' or '\u2029' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        json.Append('"');
    }
}
