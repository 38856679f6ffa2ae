using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>The app's OpenAPI document as a client reads it (Microsoft.OpenApi's reader), and checks of bodies against it.</summary>
internal sealed partial class OpenApiContract(OpenApiDocument document)
{
    public OpenApiDocument Document { get; } = document;

    /// <summary>Every documented operation: upper-case method, path, and the operation.</summary>
    public IEnumerable<(string Method, string Path, OpenApiOperation Operation)> Operations =>
        Document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (o.Key.Method.ToUpperInvariant(), p.Key, o.Value)));

    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), OpenApiConstants.Json);
        Assert.Empty(read.Diagnostic!.Errors);
        return new OpenApiContract(read.Document!);
    }

    public OpenApiOperation Operation(string method, string path) =>
        Operations.Single(o => o.Method == method && o.Path == path).Operation;

    public static bool IsProtected(OpenApiOperation operation) => operation.Security is { Count: > 0 };

    /// <summary>The problem types a response's description lists, with the response's status.</summary>
    public static IEnumerable<(string Type, int Status)> ProblemTypes(OpenApiOperation operation) =>
        operation.Responses!
            .Where(r => r.Value.Content?.ContainsKey("application/problem+json") == true)
            .SelectMany(r => ProblemType().Matches(r.Value.Description ?? "").Select(m => (m.Value, int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Asserts that <paramref name="body"/> is what the operation documents for <paramref name="status"/>.</summary>
    public void AssertConforms(string method, string path, HttpStatusCode status, string mediaType, JsonNode body)
    {
        var response = Operation(method, path).Responses![((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var schema = response.Content![mediaType].Schema!;
        var problems = new List<string>();
        Check(schema, body, "$", problems);
        Assert.True(problems.Count == 0, $"{method} {path} {(int)status} body does not conform: {string.Join("; ", problems)}\n{body}");
    }

    private static void Check(IOpenApiSchema schema, JsonNode? value, string where, List<string> problems)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Check(part, value, where, problems);
        }

        var type = schema.Type;
        if (type is null)
        {
            return;
        }

        var kind = value switch
        {
            JsonObject => JsonSchemaType.Object,
            JsonArray => JsonSchemaType.Array,
            JsonValue v when v.TryGetValue<string>(out _) => JsonSchemaType.String,
            JsonValue v when v.TryGetValue<bool>(out _) => JsonSchemaType.Boolean,
            JsonValue v when v.TryGetValue<long>(out _) => JsonSchemaType.Integer,
            JsonValue => JsonSchemaType.Number,
            _ => JsonSchemaType.Null,
        };
        if (!type.Value.HasFlag(kind))
        {
            problems.Add($"{where} is {kind}, documented {type}");
            return;
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{where} = {value} is not among {string.Join(", ", allowed)}");
        }

        if (value is JsonObject obj)
        {
            foreach (var required in schema.Required ?? new HashSet<string>())
            {
                if (!obj.ContainsKey(required))
                {
                    problems.Add($"{where}.{required} is missing");
                }
            }

            foreach (var (name, member) in obj)
            {
                if (schema.Properties?.TryGetValue(name, out var property) == true)
                {
                    Check(property, member, $"{where}.{name}", problems);
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    Check(additional, member, $"{where}.{name}", problems);
                }
                else if (schema.Properties is { Count: > 0 })
                {
                    problems.Add($"{where}.{name} is not documented");
                }
            }
        }

        if (value is JsonArray array && schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{where}[{i}]", problems);
            }
        }
    }

    [GeneratedRegex("/problems/[a-z-]+")]
    private static partial Regex ProblemType();
}
