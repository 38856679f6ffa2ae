namespace CognitoFunctions.Authentication;

/// <summary>
/// An application's own check of a caller, run by the middleware on every request to a protected function after the
/// token is validated and the function's <see cref="RequireCognitoTokenAttribute"/>s hold, cached tokens included (its
/// verdict may change between two requests with one token, e.g. a revocation list). It may refuse the request (401 or
/// 403, answered like the middleware's own refusals) or add claims to the principal the function sees. Functions
/// marked <see cref="CognitoAllowAnonymousAttribute"/> never run it. Register it with
/// <c>services.AddCognitoTokenCheck&lt;TCheck&gt;()</c>; it is a singleton, shared by concurrent requests.
/// </summary>
public interface ICognitoTokenCheck
{
    /// <summary>
    /// Decides one request. An exception (or a null result) refuses the request with 503
    /// <see cref="CognitoAuthenticationProblem.AuthenticationUnavailable"/> and is logged; the caller never sees it.
    /// </summary>
    /// <param name="context">The invocation, its validated token and its principal.</param>
    /// <returns><see cref="CognitoTokenCheckResult.Success"/>, or a refusal.</returns>
    ValueTask<CognitoTokenCheckResult> CheckAsync(CognitoTokenCheckContext context);
}
