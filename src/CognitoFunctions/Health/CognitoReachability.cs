using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Health;

/// <summary>
/// Whether Cognito answers and knows the configured pool and app client: a fresh description of the pool (its
/// DescribeUserPool call is shared with the password policy, which reads the answer instead of calling again), then
/// DescribeUserPoolClient, bounded together by <see cref="Budget"/>, the verdict kept for <see cref="CacheFor"/> and
/// shared by concurrent probes, so health probes cannot hammer Cognito (its UserRead quota is shared with the app's
/// own calls).
/// </summary>
internal sealed partial class CognitoReachability
{
    /// <summary>The longest a check waits for Cognito, retries included; well under a probe's usual timeout.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>How long a verdict is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly ICognitoIdentityProvider _cognito;
    private readonly UserPoolDescription _pool;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SingleFlight<CognitoHealth> _check;
    private CognitoHealth? _last;

    public CognitoReachability(ICognitoIdentityProvider cognito, UserPoolDescription pool, TimeProvider time, ILogger<CognitoReachability> logger)
    {
        _cognito = cognito;
        _pool = pool;
        _time = time;
        _logger = logger;
        _check = new SingleFlight<CognitoHealth>(_gate);
    }

    public Task<CognitoHealth> CheckAsync()
    {
        lock (_gate)
        {
            if (_last is { } last && _time.GetUtcNow() - last.CheckedAt < CacheFor)
            {
                return Task.FromResult(last);
            }

            return _check.RunAsync(CallCognitoAsync);
        }
    }

    private async Task<CognitoHealth> CallCognitoAsync()
    {
        var started = _time.GetTimestamp();
        CognitoHealth? result = null;
        try
        {
            using var timeout = new CancellationTokenSource(Budget, _time);
            var (status, error) = await DescribeAsync(timeout);
            result = new CognitoHealth(status, _time.GetUtcNow(), (long)_time.GetElapsedTime(started).TotalMilliseconds, error);
            return result;
        }
        finally
        {
            // Published before the flight ends, under the lock probes check it with: no probe misses it and calls again.
            lock (_gate)
            {
                _last = result;
            }
        }
    }

    private async Task<(HealthStatus, string?)> DescribeAsync(CancellationTokenSource timeout)
    {
        try
        {
            // The pool first: when it is wrong, the app client cannot be found in it either.
            // Fresh: an answer kept from earlier would hide a Cognito that stopped answering since.
            await _pool.GetAsync(TimeSpan.Zero, timeout.Token);
            await _cognito.DescribeUserPoolClientAsync(timeout.Token);
            return (HealthStatus.Healthy, null);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            // TimeoutException: the shared DescribeUserPool call, perhaps started by another reader, ran out of its own budget.
            LogUnreachable(_logger, "timeout", null);
            return (HealthStatus.Unhealthy, "timeout");
        }
        catch (CognitoThrottledException ex)
        {
            // Cognito answers, but the account's quota is spent: requests may get 429 for a while.
            LogUnreachable(_logger, "throttled", ex);
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
            LogUnreachable(_logger, error, ex);
            return (HealthStatus.Unhealthy, error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The client promises Cognito exceptions only; a health check answers anyway rather than fail with 500.
            LogUnreachable(_logger, "error", ex);
            return (HealthStatus.Unhealthy, "error");
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Health check: Cognito DescribeUserPool / DescribeUserPoolClient failed ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string error, Exception? exception);
}
