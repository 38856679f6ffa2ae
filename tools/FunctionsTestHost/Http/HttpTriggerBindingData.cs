using System.Globalization;
using System.Text;
using System.Text.Json;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The trigger metadata (the worker's <c>BindingData</c>) the real host sends with an HTTP invocation, built by its
/// rules: the top-level properties of a body that reads as a JSON object, whatever its content type (arrays and
/// nulls left out, objects as JSON, other values as text); then each query key with its LAST value (except
/// <c>code</c>, the function key); then the route values, each source overwriting the one before, names compared
/// case-insensitively; then <c>Query</c> and <c>Headers</c> as JSON unless a key of that name is already there.
/// No <c>sys</c> entry: the host keeps its system binding data to itself.
/// </summary>
internal static class HttpTriggerBindingData
{
    private static readonly JsonDocumentOptions BodyOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Dictionary<string, TypedData> Build(HttpRequest request, IEnumerable<KeyValuePair<string, object?>> routeValues, ReadOnlyMemory<byte> body)
    {
        var data = new Dictionary<string, TypedData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in BodyProperties(body))
        {
            data[name] = value;
        }

        // One value per key, the last one, although the request's own query still joins them.
        var query = request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.Count == 0 ? "" : p.Value[^1] ?? "")).ToList();
        foreach (var (name, value) in query)
        {
            if (!name.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                data[name] = new TypedData { String = value };
            }
        }

        foreach (var (name, value) in routeValues)
        {
            if (value is not null)
            {
                data[name] = new TypedData { String = Convert.ToString(value, CultureInfo.InvariantCulture) };
            }
        }

        data.TryAdd("Query", new TypedData { Json = HostJson.Object(query) });
        data.TryAdd("Headers", new TypedData { Json = HostJson.Object(request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()))) });
        return data;
    }

    /// <summary>
    /// The body is decoded as the host reads it (UTF-8 unless a byte-order mark says otherwise, invalid bytes
    /// replaced) and used only when, trimmed, it starts with <c>{</c> and ends with <c>}</c> and parses as one object.
    /// </summary>
    private static List<KeyValuePair<string, TypedData>> BodyProperties(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        string text;
        using (var reader = new StreamReader(new MemoryStream(body.ToArray(), writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd().Trim();
        }

        if (!text.StartsWith('{') || !text.EndsWith('}'))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text, BodyOptions);
            // A repeated name keeps its first place and its last value, as the host's JSON object does.
            var properties = new List<KeyValuePair<string, JsonElement>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var index = properties.FindIndex(p => p.Key.Equals(property.Name, StringComparison.Ordinal));
                if (index < 0)
                {
                    properties.Add(KeyValuePair.Create(property.Name, property.Value));
                }
                else
                {
                    properties[index] = KeyValuePair.Create(property.Name, property.Value);
                }
            }

            return properties
                .Where(p => p.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
                .Select(p => KeyValuePair.Create(p.Key, p.Value.ValueKind == JsonValueKind.Object
                    ? new TypedData { Json = HostJson.Element(p.Value) }
                    : new TypedData { String = Text(p.Value) }))
                .ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Not one JSON object (or a string no .NET string can hold): no binding data from the body, as on the
            // host; the function still gets the body byte for byte.
            return [];
        }
    }

    /// <summary>A scalar as the host's JSON library turns it into text: numbers in invariant culture, booleans capitalised.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        _ when value.TryGetInt64(out var integer) => integer.ToString(CultureInfo.InvariantCulture),
        _ when System.Numerics.BigInteger.TryParse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
            => big.ToString(CultureInfo.InvariantCulture),
        _ => value.GetDouble().ToString(CultureInfo.InvariantCulture),
    };
}
