using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The pool's password policy, read once from Cognito (DescribeUserPool) and kept for the process's life. Until a
/// read succeeds, validation uses aws-cognito.yaml's defaults and the next request tries again; Cognito still
/// enforces its own policy on every password it sets.
/// </summary>
internal sealed partial class PasswordPolicyProvider(ICognitoIdentityProvider cognito, ILogger<PasswordPolicyProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PasswordPolicy? _policy;

    public async Task<PasswordPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_policy is { } raced)
            {
                return raced;
            }

            var pool = await cognito.DescribeUserPoolAsync(cancellationToken);
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
            return PasswordPolicy.Default;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pool's password policy could not be read; validating with the template's defaults")]
    private static partial void LogPolicyUnavailable(ILogger logger, Exception exception);
}
