using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// A class of HTTP functions that describes them for the OpenAPI document, beside their code. The document finds
/// every such class in the app: there is no central list to edit.
/// </summary>
internal interface IDescribedFunctions
{
    /// <summary>One entry per function of the class.</summary>
    static abstract IReadOnlyList<ApiOperation> Operations { get; }
}

/// <summary>
/// What the OpenAPI document says of one function beyond what the code already tells: the route, methods and token
/// requirements come from its attributes, the request body's fields and rules from its <see cref="RequestBody{TRequest, TValid}"/>,
/// and the problems of the middleware, of JSON bodies and of Cognito calls are added from those and from
/// <see cref="CallsCognito"/>.
/// </summary>
internal sealed record ApiOperation(string Function, ApiTag Tag, string Summary)
{
    public string? Description { get; init; }

    /// <summary>The JSON request body, if the function reads one.</summary>
    public IRequestBody? Body { get; init; }

    public IReadOnlyList<ApiQueryParameter> Query { get; init; } = [];

    /// <summary>The answers of the function itself other than problems (successes, and the health report's 503).</summary>
    public required IReadOnlyList<ApiResponse> Responses { get; init; }

    /// <summary>The function calls Cognito, so it can answer 429, 502 and 503 problems.</summary>
    public bool CallsCognito { get; init; }

    /// <summary>Problems of the function's own, beyond those added from the rest.</summary>
    public IReadOnlyList<ProblemKind> Problems { get; init; } = [];

    /// <summary>The operations every <see cref="IDescribedFunctions"/> class of <paramref name="assembly"/> declares.</summary>
    public static IReadOnlyList<ApiOperation> In(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAssignableTo(typeof(IDescribedFunctions)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => (IReadOnlyList<ApiOperation>)t.GetInterfaceMap(typeof(IDescribedFunctions)).TargetMethods.Single().Invoke(null, null)!),
    ];
}

/// <summary>A group of operations in the document, with what they have in common.</summary>
internal sealed record ApiTag(string Name, string Description)
{
    public static ApiTag Accounts { get; } = new("Accounts", "Signing up, logging in and out, refreshing tokens, deleting one's own account.");

    public static ApiTag Passwords { get; } = new("Passwords", "Resetting a forgotten password and changing one's own.");

    public static ApiTag Mfa { get; } = new("MFA", "Two-step verification with an authenticator app (TOTP) for the signed-in user.");

    public static ApiTag Identity { get; } = new("Identity", "Who the caller's token says they are.");

    public static ApiTag Admin { get; } = new("Admin", "For members of the admin group.");

    public static ApiTag Operations { get; } = new("Operations", "Readiness and this document.");
}

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
