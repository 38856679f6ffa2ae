using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Authentication;

/// <summary>
/// What the package knows of the worker's ASP.NET Core integration (<c>ConfigureFunctionsWebApplication()</c>, package
/// Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore) without referencing it. In that mode the host sends the
/// worker an invocation without the request, and forwards the request itself to the worker's own HTTP server; the
/// integration's worker middleware waits for that request and only then puts it in the function's context. A middleware
/// registered before it sees an empty request.
/// </summary>
internal static class AspNetCoreIntegration
{
    /// <summary>The worker capability (sent to the host at start) that announces the worker's own HTTP server.</summary>
    public const string HttpUriCapability = "HttpUri";

    /// <summary>Where the integration keeps the invocation's <c>HttpContext</c> in <see cref="FunctionContext.Items"/>.</summary>
    public const string HttpContextItem = "HttpRequestContext";

    private const string ExtensionAssembly = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore";

    /// <summary>The app runs in ASP.NET Core integration mode: the worker announces its own HTTP server.</summary>
    public static bool IsEnabled(WorkerOptions options) => options.Capabilities.ContainsKey(HttpUriCapability);

    /// <summary>
    /// The integration's worker middleware is already in the pipeline being built (every worker middleware registered
    /// with <c>UseMiddleware</c> is also a service of its own type, and the integration's comes from its assembly).
    /// </summary>
    public static bool MiddlewareRegistered(IServiceCollection services) =>
        services.Any(d => !d.IsKeyedService
            && d.ImplementationType is { } type
            && typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(type)
            && type.Assembly.GetName().Name == ExtensionAssembly);
}
