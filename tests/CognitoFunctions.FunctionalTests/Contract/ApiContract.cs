using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace CognitoFunctions.FunctionalTests.Contract;

/// <summary>An answer as the contract check sees it: what was asked, and what came back.</summary>
internal sealed record Answer(string Method, string Path, int Status, string? MediaType, Func<string, string?> Header, byte[] Body);

/// <summary>
/// The app's OpenAPI document as a check of answers. An answer is looked up by method and path (the operation) and by
/// status (the response); its content type must be one the response declares, or the body empty where it declares
/// none; its body and its headers are validated against the document's schemas by JsonSchema.Net (a maintained JSON
/// Schema 2020-12 validator, the dialect of OpenAPI 3.1), and every header the response requires must be there.
/// A request for a path or method the document does not have must meet the host's empty 404.
/// </summary>
internal sealed class ApiContract
{
    // The document's schemas refer to each other as "#/components/...": they resolve inside the document, registered
    // under this address (no request is ever made to it).
    private static readonly Uri DocumentUri = new("https://contract.invalid/api/openapi.json");

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    // The host routes without regard to case or a trailing slash, and so does the check.
    private readonly Dictionary<string, (string Path, JsonElement Item)> _paths = new(StringComparer.OrdinalIgnoreCase);

    // Every schema of a response body or header, built up front (references are resolved then) so that answers can be
    // checked from several threads at once.
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ApiContract(byte[] document)
    {
        var root = JsonDocument.Parse(document).RootElement;
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        build.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(root, DocumentUri));
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            _paths.Add(path.Name, (path.Name, path.Value));
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    var at = new[] { "paths", path.Name, operation.Name, "responses", response.Name };
                    foreach (var media in Members(response.Value, "content"))
                    {
                        Build([.. at, "content", media.Name, "schema"], build);
                    }

                    foreach (var header in Members(response.Value, "headers"))
                    {
                        Build([.. at, "headers", header.Name, "schema"], build);
                    }
                }
            }
        }
    }

    /// <summary>What is wrong with the answer; none when it is as the document says.</summary>
    public IReadOnlyList<string> Check(Answer answer)
    {
        var violations = new List<string>();
        var method = answer.Method.ToLowerInvariant();
        if (!_paths.TryGetValue(answer.Path.Length > 1 ? answer.Path.TrimEnd('/') : answer.Path, out var path) || !path.Item.TryGetProperty(method, out var operation))
        {
            if (answer.Status != 404 || answer.Body.Length > 0)
            {
                violations.Add("the document has no such operation, and the answer is not the host's empty 404");
            }

            return violations;
        }

        var status = answer.Status.ToString(CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(status, out var response))
        {
            violations.Add($"the operation declares no {status} answer");
            return violations;
        }

        string[] at = ["paths", path.Path, method, "responses", status];
        CheckHeaders(answer, response, at, violations);
        CheckBody(answer, response, at, violations);
        return violations;
    }

    private void CheckHeaders(Answer answer, JsonElement response, string[] at, List<string> violations)
    {
        foreach (var header in Members(response, "headers"))
        {
            var value = answer.Header(header.Name);
            if (value is null)
            {
                if (header.Value.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    violations.Add($"header {header.Name} is required and missing");
                }

                continue;
            }

            // A header is text: it is read as a number where its schema wants one, so that "soon" is refused there.
            var numeric = header.Value.GetProperty("schema").TryGetProperty("type", out var type) && type.GetString() is "integer" or "number";
            var instance = numeric && decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? value : JsonSerializer.Serialize(value);
            Validate([.. at, "headers", header.Name, "schema"], JsonDocument.Parse(instance).RootElement, $"header {header.Name}: {value}", violations);
        }
    }

    private void CheckBody(Answer answer, JsonElement response, string[] at, List<string> violations)
    {
        var content = Members(response, "content").Select(m => m.Name).ToList();
        if (content.Count == 0)
        {
            if (answer.Body.Length > 0)
            {
                violations.Add($"the response declares no body, and {answer.Body.Length} bytes came");
            }

            return;
        }

        if (answer.MediaType is null || !content.Contains(answer.MediaType, StringComparer.OrdinalIgnoreCase))
        {
            violations.Add($"Content-Type {answer.MediaType ?? "(none)"} is not among {string.Join(", ", content)}");
            return;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(answer.Body).RootElement;
        }
        catch (JsonException ex)
        {
            violations.Add($"the body is not JSON: {ex.Message}");
            return;
        }

        Validate([.. at, "content", content.First(c => c.Equals(answer.MediaType, StringComparison.OrdinalIgnoreCase)), "schema"], body, "body", violations);
    }

    private void Validate(string[] at, JsonElement instance, string what, List<string> violations)
    {
        var result = _schemas[Fragment(at)].Evaluate(instance, Evaluation);
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Prepend(result)
                .SelectMany(d => (d.Errors ?? []).Select(e => $"{d.InstanceLocation} ({d.SchemaLocation.Fragment}): {e.Value}"))
                .Distinct();
            violations.Add($"{what} does not match the schema: {string.Join("; ", errors)}");
        }
    }

    private void Build(string[] at, BuildOptions build)
    {
        var fragment = Fragment(at);
        var reference = JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{DocumentUri}#{fragment}" });
        _schemas[fragment] = JsonSchema.FromText(reference, build, new Uri($"https://contract.invalid/check/{_schemas.Count}"));
    }

    /// <summary>A JSON Pointer as a URI fragment: each token escaped for the pointer, then for the URI ("+" in media types).</summary>
    private static string Fragment(string[] tokens)
    {
        var fragment = new StringBuilder();
        foreach (var token in tokens)
        {
            fragment.Append('/').Append(Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        }

        return fragment.ToString();
    }

    private static List<JsonProperty> Members(JsonElement element, string name) =>
        element.TryGetProperty(name, out var members) ? [.. members.EnumerateObject()] : [];
}
