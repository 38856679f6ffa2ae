using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Template;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Maps a request to a function the way the Functions host does: one ASP.NET Core <see cref="Route"/> per
/// function (prefix + route template with its inline constraints, methods as an
/// <see cref="HttpMethodRouteConstraint"/>), tried in order of route precedence, the first match winning.
/// Like the real host it answers no match for a known path with a method the function does not list
/// (so 404, not 405), matches case-insensitively and accepts a trailing slash.
/// </summary>
internal sealed class FunctionRouteTable
{
    private const string FunctionToken = "function";
    private readonly RouteCollection _routes = new();

    private FunctionRouteTable()
    {
    }

    public static FunctionRouteTable Build(IEnumerable<HttpFunction> functions, string routePrefix, IInlineConstraintResolver constraintResolver)
    {
        var table = new FunctionRouteTable();
        var routes = functions.Select(function => new Route(
            Target.Instance,
            function.Name,
            function.RouteTemplate(routePrefix),
            defaults: null,
            constraints: function.Methods is null ? null : new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint([.. function.Methods]) },
            dataTokens: new RouteValueDictionary { [FunctionToken] = function },
            constraintResolver));
        foreach (var route in routes.OrderBy(r => RoutePrecedence.ComputeInbound(r.ParsedTemplate)))
        {
            table._routes.Add(route);
        }

        return table;
    }

    /// <summary>The function and route values for the request, or null when no function takes it.</summary>
    public async Task<FunctionMatch?> MatchAsync(HttpContext context)
    {
        var routeContext = new RouteContext(context);
        await _routes.RouteAsync(routeContext);
        return routeContext.Handler is null
            ? null
            : new FunctionMatch((HttpFunction)routeContext.RouteData.DataTokens[FunctionToken]!, routeContext.RouteData.Values);
    }

    /// <summary>The handler a matched route hands over; the host invokes the function itself.</summary>
    private sealed class Target : IRouter
    {
        public static readonly Target Instance = new();

        public VirtualPathData? GetVirtualPath(VirtualPathContext context) => null;

        public Task RouteAsync(RouteContext context)
        {
            context.Handler = _ => Task.CompletedTask;
            return Task.CompletedTask;
        }
    }
}
