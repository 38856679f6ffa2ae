namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The route space the real Functions host keeps for itself (<c>admin/…</c>, <c>runtime/…</c>). The host refuses to
/// load an HTTP function whose route falls in it, whatever the route prefix: that function is "in error", answers
/// 404, and the others are served. The rule is the host's own (azure-functions-host, ScriptHost.ValidateHttpFunction):
/// the route without leading or trailing slashes, lower-cased, must not start with <c>admin</c> or <c>runtime</c>,
/// so <c>/Admin/users</c>, <c>administrators</c> and <c>runtimes</c> are refused too, and a function without a route
/// is judged by its name.
/// </summary>
public static class BuiltInRoutes
{
    /// <summary>The error the host logs for such a function: <c>The '&lt;Name&gt;' function is in error: &lt;this&gt;</c>.</summary>
    public const string ConflictMessage = "The specified route conflicts with one or more built in routes.";

    private static readonly string[] ReservedPrefixes = ["admin", "runtime"];

    /// <summary>Whether the host refuses an HTTP function with this route (or, without one, this name).</summary>
    /// <param name="route">The trigger's route as declared, without the route prefix; null or blank when it has none.</param>
    /// <param name="functionName">The function's name, the route the host gives a function that declares none.</param>
    public static bool Conflicts(string? route, string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        var effective = EffectiveRoute(route, functionName).Trim('/').ToLowerInvariant();
        return ReservedPrefixes.Any(prefix => effective.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>The route the host serves a function on: its own, or its name when it declares none (or a blank one).</summary>
    internal static string EffectiveRoute(string? route, string functionName) =>
        string.IsNullOrWhiteSpace(route) ? functionName : route;
}
