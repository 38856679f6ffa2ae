using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;

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
    /// <param name="builder">The worker's application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddCognitoAuthentication</c> was not called before.</exception>
    public static IFunctionsWorkerApplicationBuilder UseCognitoAuthentication(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(CognitoTokenValidator)))
        {
            throw new InvalidOperationException("Call services.AddCognitoAuthentication(configuration) before builder.UseCognitoAuthentication().");
        }

        // No trigger filter here: the middleware asks the worker for the HTTP request, which is null for other
        // triggers, and lets those through.
        return builder.UseMiddleware<CognitoAuthenticationMiddleware>();
    }
}
