using System.Text.Json.Nodes;
using CognitoFunctions.Testing.FunctionsHost.Rpc;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// An HTTP-triggered function as the router and the invocation need it, read from the raw bindings the worker
/// reported: the trigger's parameter name, route and methods, and the name of the HTTP output binding.
/// </summary>
internal sealed record HttpFunction(
    string Name,
    string FunctionId,
    string TriggerName,
    string? Route,
    IReadOnlyList<string>? Methods,
    string? ResponseBindingName)
{
    /// <summary>The function's HTTP shape, or null when it has no HTTP trigger.</summary>
    public static HttpFunction? FromMetadata(RpcFunctionMetadata metadata)
    {
        JsonObject? trigger = null;
        string? responseBinding = null;
        foreach (var raw in metadata.RawBindings)
        {
            if (JsonNode.Parse(raw) is not JsonObject binding)
            {
                continue;
            }

            var type = binding["type"]?.GetValue<string>();
            var direction = binding["direction"]?.GetValue<string>();
            if (string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                trigger = binding;
            }
            else if (string.Equals(type, "http", StringComparison.OrdinalIgnoreCase) && string.Equals(direction, "out", StringComparison.OrdinalIgnoreCase))
            {
                responseBinding = binding["name"]?.GetValue<string>();
            }
        }

        if (trigger is null)
        {
            return null;
        }

        var methods = trigger["methods"] is JsonArray list && list.Count > 0
            ? list.Select(m => m!.GetValue<string>().ToLowerInvariant()).ToArray()
            : null;
        return new HttpFunction(
            metadata.Name,
            metadata.FunctionId,
            trigger["name"]?.GetValue<string>() ?? "req",
            trigger["route"]?.GetValue<string>(),
            methods,
            responseBinding);
    }

    /// <summary>Whether the real host refuses to load this function: its route is in the host's own route space.</summary>
    public bool ConflictsWithBuiltInRoutes => BuiltInRoutes.Conflicts(Route, Name);

    /// <summary>The template the router matches: the prefix, then the route or, without one, the function name.</summary>
    public string RouteTemplate(string routePrefix)
    {
        var route = BuiltInRoutes.EffectiveRoute(Route, Name).Trim('/');
        return routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
    }
}
