using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Where <c>UseCognitoAuthentication()</c> put the middleware in the worker's pipeline, relative to the ASP.NET Core
/// integration's; validated when the host starts.
/// </summary>
internal sealed class MiddlewarePlacement
{
    /// <summary>The integration's middleware was registered before this package's, so it runs first.</summary>
    public bool AfterAspNetCoreIntegration { get; set; }
}

/// <summary>
/// Stops the app at start-up, with the fix, when it runs in ASP.NET Core integration mode and the middleware was
/// registered before <c>ConfigureFunctionsWebApplication()</c>: every request would reach it without its headers.
/// </summary>
internal sealed class MiddlewarePlacementValidator(IOptions<WorkerOptions> worker) : IValidateOptions<MiddlewarePlacement>
{
    public const string Message =
        "UseCognitoAuthentication() is called before ConfigureFunctionsWebApplication(). In ASP.NET Core integration mode the "
        + "Cognito middleware must come after the integration's own middleware, which is what gives it the request: call "
        + "builder.ConfigureFunctionsWebApplication() first and builder.UseCognitoAuthentication() after it (with a HostBuilder: "
        + "ConfigureFunctionsWebApplication(worker => worker.UseCognitoAuthentication())).";

    public ValidateOptionsResult Validate(string? name, MiddlewarePlacement options) =>
        options.AfterAspNetCoreIntegration || !AspNetCoreIntegration.IsEnabled(worker.Value)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Message);
}
