using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Health;

/// <summary>
/// Whether Cognito answers and knows the configured pool and app client: DescribeUserPool, then
/// DescribeUserPoolClient, bounded together by <see cref="Budget"/>, the verdict kept
/// for <see cref="CacheFor"/> and shared by concurrent probes, so health probes cannot hammer Cognito (its
/// UserRead quota is shared with the app's own calls).
/// </summary>
internal sealed partial class CognitoReachability(ICognitoIdentityProvider cognito, TimeProvider time, ILogger<CognitoReachability> logger)
{
    /// <summary>The longest a check waits for Cognito, retries included; well under a probe's usual timeout.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>How long a verdict is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private CognitoHealth? _last;
    private Task<CognitoHealth>? _inFlight;

    public Task<CognitoHealth> CheckAsync()
    {
        lock (_gate)
        {
            if (_last is { } last && time.GetUtcNow() - last.CheckedAt < CacheFor)
            {
                return Task.FromResult(last);
            }

            // Run outside the lock: the check takes it again to publish its verdict.
            return _inFlight ??= Task.Run(CallCognitoAsync);
        }
    }

    private async Task<CognitoHealth> CallCognitoAsync()
    {
        var started = time.GetTimestamp();
        CognitoHealth? result = null;
        try
        {
            using var timeout = new CancellationTokenSource(Budget, time);
            var (status, error) = await DescribeAsync(timeout);
            result = new CognitoHealth(status, time.GetUtcNow(), (long)time.GetElapsedTime(started).TotalMilliseconds, error);
            return result;
        }
        finally
        {
            // Even a check that failed in an unforeseen way must not leave later probes waiting on it.
            lock (_gate)
            {
                _last = result;
                _inFlight = null;
            }
        }
    }

    private async Task<(HealthStatus, string?)> DescribeAsync(CancellationTokenSource timeout)
    {
        try
        {
            // The pool first: when it is wrong, the app client cannot be found in it either.
            await cognito.DescribeUserPoolAsync(timeout.Token);
            await cognito.DescribeUserPoolClientAsync(timeout.Token);
            return (HealthStatus.Healthy, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogUnreachable(logger, "timeout", null);
            return (HealthStatus.Unhealthy, "timeout");
        }
        catch (CognitoThrottledException ex)
        {
            // Cognito answers, but the account's quota is spent: requests may get 429 for a while.
            LogUnreachable(logger, "throttled", ex);
            return (HealthStatus.Degraded, "throttled");
        }
        catch (CognitoException ex)
        {
            var error = ex switch
            {
                // Names the setting that is wrong: Cognito__UserPoolId or Cognito__ClientId.
                CognitoServiceException { Code: CognitoErrorCode.ResourceNotFound } when ex.Operation == CognitoOperations.DescribeUserPoolClient.Name => "app_client_not_found",
                CognitoServiceException { Code: CognitoErrorCode.ResourceNotFound } => "user_pool_not_found",
                // The role lacks a grant (e.g. a stack deployed before the app needed it).
                CognitoServiceException { Code: CognitoErrorCode.AccessDenied } => "access_denied",
                CognitoUnavailableException => "unavailable",
                CognitoCredentialsException => "credentials",
                CognitoProtocolException => "unexpected_answer",
                _ => "error",
            };
            LogUnreachable(logger, error, ex);
            return (HealthStatus.Unhealthy, error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The client promises Cognito exceptions only; a health check answers anyway rather than fail with 500.
            LogUnreachable(logger, "error", ex);
            return (HealthStatus.Unhealthy, "error");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: Cognito DescribeUserPool / DescribeUserPoolClient failed ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error, Exception? exception);
}
