namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Worker capabilities that decide the shape of what the host sends. The test host speaks only the shape the
/// .NET isolated worker asks for; a worker that stops asking for it fails the start loudly instead of
/// receiving requests it would misread.
/// </summary>
internal static class WorkerCapabilities
{
    /// <summary>Headers, query and route values in the <c>nullable_*</c> maps.</summary>
    public const string UseNullableValueDictionaryForHttp = "UseNullableValueDictionaryForHttp";

    /// <summary>The body in <c>body</c> only, not also in <c>rawBody</c>.</summary>
    public const string RpcHttpBodyOnly = "RpcHttpBodyOnly";

    /// <summary>The body as bytes, never as a string or parsed JSON.</summary>
    public const string RawHttpBodyBytes = "RawHttpBodyBytes";

    /// <summary>No copy of the HTTP request in the trigger metadata.</summary>
    public const string RpcHttpTriggerMetadataRemoved = "RpcHttpTriggerMetadataRemoved";

    /// <summary>The worker acts on <c>InvocationCancel</c>.</summary>
    public const string HandlesInvocationCancelMessage = "HandlesInvocationCancelMessage";

    /// <summary>ASP.NET Core integration: the worker's own HTTP server, which the host forwards each HTTP request to.</summary>
    public const string HttpUri = "HttpUri";

    /// <summary>With <see cref="HttpUri"/>: the worker wants the route values in the otherwise empty trigger input.</summary>
    public const string RequiresRouteParameters = "RequiresRouteParameters";

    public static IReadOnlyList<string> Required { get; } =
        [UseNullableValueDictionaryForHttp, RpcHttpBodyOnly, RawHttpBodyBytes, RpcHttpTriggerMetadataRemoved];
}
