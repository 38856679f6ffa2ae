using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Runs the application's <see cref="ICognitoTokenCheck"/>s, in registration order, until one refuses. A check that
/// throws (or answers null) fails closed: the request gets 503 and the exception goes to the log, never to the caller.
/// </summary>
internal sealed class TokenChecks(IEnumerable<ICognitoTokenCheck> checks, ILogger<TokenChecks> logger)
{
    // An array walked by index; the middleware skips this class altogether when it is empty.
    private readonly ICognitoTokenCheck[] _checks = [.. checks];

    public bool Any => _checks.Length > 0;

    /// <summary>Null when every check lets the request through, else the answer to send.</summary>
    public async ValueTask<AuthenticationChallenge?> RunAsync(FunctionContext context, CognitoAuthenticationFeature authentication)
    {
        var checkContext = new CognitoTokenCheckContext(context, authentication);
        for (var i = 0; i < _checks.Length; i++)
        {
            var check = _checks[i];
            CognitoTokenCheckResult? result;
            try
            {
                result = await check.CheckAsync(checkContext);
            }
            catch (Exception e)
            {
                // Anything the app's code throws, its own timeouts included: the caller is neither let in nor told why.
                AuthenticationLog.TokenCheckFailed(logger, e, Name(check), context.FunctionDefinition.Name);
                return AuthenticationChallenge.For(AuthOutcome.CheckFailed);
            }

            if (result is null)
            {
                AuthenticationLog.TokenCheckAnsweredNull(logger, Name(check), context.FunctionDefinition.Name);
                return AuthenticationChallenge.For(AuthOutcome.CheckFailed);
            }

            if (!result.Succeeded)
            {
                var challenge = AuthenticationChallenge.For(
                    result.Problem == CognitoAuthenticationProblem.InvalidToken ? AuthOutcome.CheckRefused : AuthOutcome.CheckForbidden);
                return result.Detail is null ? challenge : challenge with { Detail = result.Detail };
            }
        }

        return null;
    }

    private static string Name(ICognitoTokenCheck check) => check is DelegateTokenCheck named ? named.Name : check.GetType().FullName ?? check.GetType().Name;
}
