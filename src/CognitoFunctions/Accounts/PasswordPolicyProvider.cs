using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The pool's password policy, read once from Cognito (DescribeUserPool) and kept for the process's life. Concurrent
/// callers share one read. Until a read succeeds, validation uses aws-cognito.yaml's defaults and a later request
/// tries again; Cognito still enforces its own policy on every password it sets.
/// </summary>
internal sealed partial class PasswordPolicyProvider(ICognitoIdentityProvider cognito, ILogger<PasswordPolicyProvider> logger)
{
    private readonly Lock _gate = new();
    private PasswordPolicy? _policy;
    private Task<PasswordPolicy>? _reading;

    public Task<PasswordPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is { } known)
        {
            return Task.FromResult(known);
        }

        lock (_gate)
        {
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
            var pool = await cognito.DescribeUserPoolAsync(CancellationToken.None);
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
        catch (CognitoException ex)
        {
            LogPolicyUnavailable(logger, ex);
            lock (_gate)
            {
                _reading = null;
            }

            return PasswordPolicy.Default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pool's password policy could not be read; validating with the template's defaults")]
    private static partial void LogPolicyUnavailable(ILogger logger, Exception exception);
}
