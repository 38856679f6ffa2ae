using System.Globalization;
using System.Net;
using Microsoft.OpenApi;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>The app's OpenAPI document as a client reads it (Microsoft.OpenApi's reader).</summary>
internal sealed class OpenApiContract(OpenApiDocument document)
{
    public const string ProblemJson = "application/problem+json";

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

    /// <summary>The problem types each problem response's schema allows, with the response's status.</summary>
    public static IEnumerable<(string Type, int Status)> ProblemTypes(OpenApiOperation operation) =>
        ProblemResponses(operation).SelectMany(r => Variants(r.Schema).Select(v => (TypeOf(v), r.Status)));

    /// <summary>The responses whose body is problem details, with their status and schema.</summary>
    public static IEnumerable<(int Status, IOpenApiSchema Schema, IOpenApiResponse Response)> ProblemResponses(OpenApiOperation operation) =>
        operation.Responses!
            .Where(r => r.Value.Content?.ContainsKey(ProblemJson) == true)
            .Select(r => (int.Parse(r.Key, CultureInfo.InvariantCulture), r.Value.Content![ProblemJson].Schema!, r.Value));

    /// <summary>The one problem schema of a response, or each of its <c>oneOf</c>.</summary>
    public static IEnumerable<IOpenApiSchema> Variants(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } variants ? variants : [schema];

    /// <summary>The one <c>type</c> a problem schema allows.</summary>
    public static string TypeOf(IOpenApiSchema variant) => Assert.Single(variant.Properties!["type"].Enum!)!.GetValue<string>();
}
