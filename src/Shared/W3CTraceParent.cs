namespace CognitoFunctions.Shared;

/// <summary>
/// The trace id of a W3C <c>traceparent</c> (<c>version-traceid-parentid-flags</c>), the id Application Insights
/// correlates on; problem details carry it as <c>traceId</c>. One source file compiled into the app and the middleware
/// package, so a 401 from the middleware and a 400 from the app name the same trace.
/// </summary>
internal static class W3CTraceParent
{
    /// <summary>The 32-character trace id, or null when <paramref name="traceParent"/> is not a traceparent.</summary>
    public static string? TraceId(string? traceParent) =>
        // Later versions may append fields after the flags, so the length is a minimum.
        traceParent is { Length: >= 55 } && traceParent[2] == '-' && traceParent[35] == '-' ? traceParent.Substring(3, 32) : null;
}
