using CognitoFunctions.Accounts.Audit;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts;

/// <summary>
/// Runs one account operation: the Cognito errors the flow knows become its answers, every other Cognito failure
/// goes through <see cref="CognitoFailures"/>, answers that could reveal an account wait for the uniform response time,
/// the outcome is counted once under the operation's name, and its audit event is raised. Every flow runs here, and none
/// without naming its audit event.
/// </summary>
internal sealed class AccountFlow(AccountMetrics metrics, AuditLog audit, IOptions<AccountOptions> options, TimeProvider time, ILogger<AccountFlow> logger)
{
    /// <summary>
    /// Runs <paramref name="call"/> as <paramref name="operation"/>, then raises the operation's audit event with
    /// <paramref name="audited"/>. <paramref name="knownErrors"/> answers the Cognito errors this flow expects (null: not
    /// one of them).
    /// </summary>
    public async Task<AccountResult<T>> RunAsync<T>(
        AccountOperation operation,
        Action<AuditLog, AccountResult<T>> audited,
        Func<Task<AccountResult<T>>> call,
        Func<CognitoServiceException, AccountFailure?>? knownErrors = null)
    {
        // Taken before the call starts: the time Cognito takes counts towards the floor.
        var started = time.GetTimestamp();
        AccountResult<T> result;
        try
        {
            result = await call();
        }
        catch (CognitoException ex)
        {
            result = ex is CognitoServiceException refusal && knownErrors?.Invoke(refusal) is { } known ? known : ex.ToAccountFailure(operation, logger);
        }

        await UniformlyTimedAsync(operation, started, result);
        metrics.Operation(operation, result.Failure);
        audited(audit, result);
        return result;
    }

    // An answer that could tell a known email from an unknown one by its timing leaves no earlier than the floor after
    // the operation started. Not cancelled with the request: waiting on for a client that has gone costs a timer, not
    // a thread.
    private async Task UniformlyTimedAsync<T>(AccountOperation operation, long started, AccountResult<T> result)
    {
        var conceals = operation.Timing switch
        {
            UniformTiming.All => true,
            // A challenge is set only once the password was right: an answer like tokens, with nothing to conceal.
            UniformTiming.Failures => result.Failure is not null and not AccountFailure.ChallengeRequired,
            _ => false,
        };
        if (conceals && options.Value.UniformResponseTime - time.GetElapsedTime(started) is { Ticks: > 0 } remaining)
        {
            await Task.Delay(remaining, time);
        }
    }
}
