using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>Adds the Cognito middleware to a Functions worker's pipeline.</summary>
public static class CognitoAuthenticationApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the Cognito authentication middleware for HTTP-triggered functions (other triggers pass through). Every
    /// HTTP function then requires a valid token unless marked <see cref="CognitoAllowAnonymousAttribute"/>; refused
    /// requests get 401 or 403 with <c>WWW-Authenticate: Bearer</c> and a problem-details body, or 503 while no
    /// signing keys can be fetched. Call <c>services.AddCognitoAuthentication(...)</c> first.
    /// </summary>
    /// <remarks>
    /// Both HTTP models are served. In ASP.NET Core integration mode call it after
    /// <c>ConfigureFunctionsWebApplication()</c>, whose middleware gives this one the request; the middleware then also
    /// sets <c>HttpContext.User</c> to the caller. Called before it, the app stops at start-up with a message saying so.
    /// </remarks>
    /// <param name="builder">The worker's application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddCognitoAuthentication</c> was not called before, or this is the second call.</exception>
    public static IFunctionsWorkerApplicationBuilder UseCognitoAuthentication(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(CognitoTokenValidator)))
        {
            throw new InvalidOperationException("Call services.AddCognitoAuthentication(configuration) before builder.UseCognitoAuthentication().");
        }

        builder.Services.RegisterOnce<CognitoAuthenticationMiddleware>(
            nameof(UseCognitoAuthentication), "the middleware would run twice on every request; call it once.");

        // Known now, while the pipeline is being built, and checked when the host starts (when the mode is known).
        var afterIntegration = AspNetCoreIntegration.MiddlewareRegistered(builder.Services);
        builder.Services.AddOptions<MiddlewarePlacement>()
            .Configure(placement => placement.AfterAspNetCoreIntegration = afterIntegration)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MiddlewarePlacement>, MiddlewarePlacementValidator>();

        // No trigger filter here: the middleware asks the worker for the HTTP request, which is null for other
        // triggers, and lets those through.
        return builder.UseMiddleware<CognitoAuthenticationMiddleware>();
    }
}
