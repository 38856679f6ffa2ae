using System.Net;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Http;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// What the OpenAPI document says of one function beyond what the code already tells: the route, methods and token
/// requirements come from its attributes, and the problems of the middleware, of JSON bodies and of Cognito calls are
/// added from those and from <see cref="Body"/> and <see cref="CallsCognito"/>.
/// </summary>
internal sealed record ApiOperation(string Function, string Tag, string Summary)
{
    public string? Description { get; init; }

    /// <summary>The JSON request body, if the function reads one.</summary>
    public ApiBody? Body { get; init; }

    public IReadOnlyList<ApiQueryParameter> Query { get; init; } = [];

    /// <summary>The answers of the function itself other than problems (successes, and the health report's 503).</summary>
    public required IReadOnlyList<ApiResponse> Responses { get; init; }

    /// <summary>The function calls Cognito, so it can answer 429, 502 and 503 problems.</summary>
    public bool CallsCognito { get; init; }

    /// <summary>Problems of the function's own, beyond those added from the rest.</summary>
    public IReadOnlyList<ProblemKind> Problems { get; init; } = [];
}

/// <summary>A JSON request body: its type, and the rules of each of its fields (every property must be listed).</summary>
internal sealed record ApiBody(JsonTypeInfo Type, IReadOnlyList<ApiField> Fields)
{
    /// <summary>An empty body is accepted too.</summary>
    public bool Optional { get; init; }
}

/// <summary>One field of a request body, with the limits the function's validation enforces.</summary>
internal sealed record ApiField(string Name, bool Required, int? MinLength = null, int? MaxLength = null, string? Format = null, string? Description = null);

/// <summary>A query parameter.</summary>
internal sealed record ApiQueryParameter(string Name, string Description, OpenApiSchema Schema);

/// <summary>An answer of the function: a JSON body of <see cref="Body"/>'s type, any JSON object, or no body.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string Description, JsonTypeInfo? Body = null)
{
    /// <summary>The body is a JSON object with no schema of ours (the OpenAPI document itself).</summary>
    public bool AnyJsonObject { get; init; }

    /// <summary>
    /// The answer carries <c>Cache-Control: no-store</c>: every JSON answer of ours does (HttpResponses.JsonAsync), the
    /// public OpenAPI document excepted.
    /// </summary>
    public bool NoStore => Body is not null;
}
