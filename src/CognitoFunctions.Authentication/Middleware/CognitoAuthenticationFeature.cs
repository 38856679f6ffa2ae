using System.Security.Claims;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The invocation's validated token, set in <c>FunctionContext.Features</c> by the middleware. The principal is built
/// on first use, once per invocation, so functions that never read it pay nothing and none shares a mutable principal.
/// </summary>
internal sealed class CognitoAuthenticationFeature(CognitoToken token)
{
    private ClaimsPrincipal? _principal;

    public CognitoToken Token { get; } = token;

    public ClaimsPrincipal Principal => _principal ??= Token.ToClaimsPrincipal();
}
