using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The pool's password policy, read once from the pool's description (the one the health check reads too) and kept
/// for the process's life. Concurrent callers share one read, bounded by <see cref="Budget"/>. Until a read succeeds,
/// validation uses aws-cognito.yaml's defaults, and the next read is tried <see cref="RetryAfterFailure"/> later, so
/// requests do not wait on a Cognito that is down; Cognito still enforces its own policy on every password it sets.
/// </summary>
internal sealed partial class PasswordPolicyProvider(UserPoolDescription pool, TimeProvider time, ILogger<PasswordPolicyProvider> logger)
{
    /// <summary>The longest a request waits for the policy, retries included.</summary>
    public static readonly TimeSpan Budget = UserPoolDescription.Budget;

    /// <summary>How long the defaults stand in after a failed read before the next read is tried.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private PasswordPolicy? _policy;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;

    public Task<PasswordPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is { } known)
        {
            return Task.FromResult(known);
        }

        lock (_gate)
        {
            if (time.GetUtcNow() < _nextRead)
            {
                return Task.FromResult(PasswordPolicy.Default);
            }
        }

        return ReadAsync(cancellationToken);
    }

    private async Task<PasswordPolicy> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Any answer will do, however old: the policy is read once. Concurrent readers join one call.
            var described = await pool.GetAsync(TimeSpan.MaxValue, cancellationToken);
            var policy = described.UserPool?.Policies?.PasswordPolicy;
            var defaults = PasswordPolicy.Default;
            _policy = new PasswordPolicy(
                policy?.MinimumLength ?? defaults.MinimumLength,
                policy?.RequireLowercase ?? defaults.RequireLowercase,
                policy?.RequireUppercase ?? defaults.RequireUppercase,
                policy?.RequireNumbers ?? defaults.RequireNumbers,
                policy?.RequireSymbols ?? defaults.RequireSymbols);
            return _policy;
        }
        catch (Exception ex) when (ex is CognitoException or TimeoutException)
        {
            lock (_gate)
            {
                // Every reader of the failed call lands here: the first one logs and sets the retry time.
                if (time.GetUtcNow() < _nextRead)
                {
                    return PasswordPolicy.Default;
                }

                _nextRead = time.GetUtcNow() + RetryAfterFailure;
            }

            LogPolicyUnavailable(logger, ex);
            return PasswordPolicy.Default;
        }
    }

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "The pool's password policy could not be read; validating with the template's defaults")]
    private static partial void LogPolicyUnavailable(ILogger logger, Exception exception);
}
