using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Shared;

namespace CognitoFunctions.Cognito;

/// <summary>
/// The configured pool's description (DescribeUserPool), one for every reader in the process: the health check and
/// the password policy read the same answer, and concurrent readers share one call, bounded by <see cref="Budget"/>.
/// The last answer is kept, so a reader content with an answer of a given age makes no call; a failure reaches the
/// readers of that call alone, and each reader decides what to do about it.
/// </summary>
public sealed class UserPoolDescription
{
    /// <summary>The longest one DescribeUserPool call may take, retries included; well under a health probe's timeout.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private readonly ICognitoIdentityProvider _cognito;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SingleFlight<Answer> _describe;
    private Answer? _last;

    /// <summary>A description read through <paramref name="cognito"/>, aged by <paramref name="time"/>.</summary>
    public UserPoolDescription(ICognitoIdentityProvider cognito, TimeProvider time)
    {
        _cognito = cognito;
        _time = time;
        _describe = new SingleFlight<Answer>(_gate);
    }

    /// <summary>
    /// The pool's description, answered at most <paramref name="maxAge"/> ago: the last answer when it is young enough,
    /// otherwise the call in flight or a new one (so <see cref="TimeSpan.Zero"/> asks for a fresh answer). Throws the call's <see cref="Errors.CognitoException"/>, or a
    /// <see cref="TimeoutException"/> when Cognito did not answer within <see cref="Budget"/>;
    /// <paramref name="cancellationToken"/> ends this reader's wait, not the call.
    /// </summary>
    public async Task<DescribeUserPoolResponse> GetAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        Task<Answer> call;
        lock (_gate)
        {
            if (_last is { } last && _time.GetUtcNow() - last.At < maxAge)
            {
                return last.Response;
            }

            call = _describe.RunAsync(DescribeAsync, cancellationToken);
        }

        return (await call).Response;
    }

    private async Task<Answer> DescribeAsync()
    {
        using var timeout = new CancellationTokenSource(Budget, _time);
        try
        {
            var answer = new Answer(await _cognito.DescribeUserPoolAsync(timeout.Token), _time.GetUtcNow());
            lock (_gate)
            {
                _last = answer;
            }

            return answer;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            // Not a cancellation to the readers: none of them asked for it, and each may be waiting with a token of its own.
            throw new TimeoutException("DescribeUserPool did not answer within its budget.", ex);
        }
    }

    private sealed record Answer(DescribeUserPoolResponse Response, DateTimeOffset At);
}
