using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The pool's password policy, read once from Cognito (DescribeUserPool) and kept for the process's life. Concurrent
/// callers share one read, bounded by <see cref="Budget"/>. Until a read succeeds, validation uses aws-cognito.yaml's
/// defaults, and the next read is tried <see cref="RetryAfterFailure"/> later, so requests do not wait on a Cognito
/// that is down; Cognito still enforces its own policy on every password it sets.
/// </summary>
internal sealed partial class PasswordPolicyProvider(ICognitoIdentityProvider cognito, TimeProvider time, ILogger<PasswordPolicyProvider> logger)
{
    /// <summary>The longest a request waits for the policy, retries included.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>How long the defaults stand in after a failed read before the next read is tried.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private PasswordPolicy? _policy;
    private Task<PasswordPolicy>? _reading;
    private DateTimeOffset _nextRead = DateTimeOffset.MinValue;

    public Task<PasswordPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is { } known)
        {
            return Task.FromResult(known);
        }

        lock (_gate)
        {
            if (_reading is null && time.GetUtcNow() < _nextRead)
            {
                return Task.FromResult(PasswordPolicy.Default);
            }

            // One read for everyone: with Cognito hanging, a queue of readers would each wait a full timeout in turn.
            _reading ??= ReadAsync();
            return _reading.WaitAsync(cancellationToken);
        }
    }

    private async Task<PasswordPolicy> ReadAsync()
    {
        // Leave the caller's lock first: the failure path below resets _reading, which must not race the assignment.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(Budget, time);
            var pool = await cognito.DescribeUserPoolAsync(timeout.Token);
            var policy = pool.UserPool?.Policies?.PasswordPolicy;
            var defaults = PasswordPolicy.Default;
            _policy = new PasswordPolicy(
                policy?.MinimumLength ?? defaults.MinimumLength,
                policy?.RequireLowercase ?? defaults.RequireLowercase,
                policy?.RequireUppercase ?? defaults.RequireUppercase,
                policy?.RequireNumbers ?? defaults.RequireNumbers,
                policy?.RequireSymbols ?? defaults.RequireSymbols);
            return _policy;
        }
        catch (Exception ex) when (ex is CognitoException or OperationCanceledException)
        {
            LogPolicyUnavailable(logger, ex);
            lock (_gate)
            {
                _reading = null;
                _nextRead = time.GetUtcNow() + RetryAfterFailure;
            }

            return PasswordPolicy.Default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pool's password policy could not be read; validating with the template's defaults")]
    private static partial void LogPolicyUnavailable(ILogger logger, Exception exception);
}
