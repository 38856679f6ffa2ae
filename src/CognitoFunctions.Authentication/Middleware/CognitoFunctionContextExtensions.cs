using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Authentication;

/// <summary>The validated token and principal of the current invocation, as the Cognito middleware left them.</summary>
public static class CognitoFunctionContextExtensions
{
    /// <summary>The invocation's validated token.</summary>
    /// <exception cref="InvalidOperationException">The function is anonymous, or the middleware is not in the pipeline.</exception>
    public static CognitoToken GetCognitoToken(this FunctionContext context) =>
        context.TryGetCognitoToken(out var token) ? token : throw NotAuthenticated(context);

    /// <summary>The invocation's validated token, if the middleware validated one.</summary>
    public static bool TryGetCognitoToken(this FunctionContext context, [NotNullWhen(true)] out CognitoToken? token)
    {
        ArgumentNullException.ThrowIfNull(context);
        token = context.Features.Get<CognitoAuthenticationFeature>()?.Token;
        return token is not null;
    }

    /// <summary>
    /// The invocation's principal, with Cognito's claim names (<c>sub</c>, <c>email</c>, <c>cognito:groups</c>, ...),
    /// built on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The function is anonymous, or the middleware is not in the pipeline.</exception>
    public static ClaimsPrincipal GetCognitoPrincipal(this FunctionContext context) =>
        context.TryGetCognitoPrincipal(out var principal) ? principal : throw NotAuthenticated(context);

    /// <summary>The invocation's principal, if the middleware validated a token.</summary>
    public static bool TryGetCognitoPrincipal(this FunctionContext context, [NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        ArgumentNullException.ThrowIfNull(context);
        principal = context.Features.Get<CognitoAuthenticationFeature>()?.Principal;
        return principal is not null;
    }

    private static InvalidOperationException NotAuthenticated(FunctionContext context) =>
        new($"Function '{context.FunctionDefinition.Name}' has no validated Cognito token: it is anonymous, or UseCognitoAuthentication() is not in the worker's pipeline.");
}
