using System.Collections.Concurrent;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Whether an access token has been revoked, for functions marked <c>[RequireCognitoToken(CheckRevocation = true)]</c>:
/// asks Cognito (<see cref="CognitoGetUser"/>) and remembers the answer per token, keyed by the token string itself
/// (ordinal, never a hash). "Still good" is remembered for <see cref="CognitoAuthOptions.RevocationCheckInterval"/> at
/// most (so a revocation shows within that bound), "revoked" or "user gone" until the token expires (neither can be
/// undone for that token); no answer is never remembered. Concurrent requests with one token share one call. Bounded in
/// count by <see cref="CognitoAuthOptions.CacheSize"/>: when full, expired entries go, and a token that still finds no
/// room is simply asked about again next time. The token is sent to Cognito only, and never logged.
/// </summary>
internal sealed class RevocationChecks
{
    private readonly ConcurrentDictionary<string, Entry> _answers = new(TokenKeyComparer.Instance);
    private readonly ConcurrentDictionary<string, SingleFlight<RevocationVerdict>> _flights = new(TokenKeyComparer.Instance);
    private readonly Dictionary<string, Uri> _endpoints;
    private readonly CognitoGetUser _cognito;
    private readonly TimeProvider _time;
    private readonly AuthenticationMetrics _metrics;
    private readonly long _intervalTicks;
    private readonly long _skewTicks;
    private readonly TimeSpan _timeout;
    private readonly int _capacity;
    private readonly Lock _trimGate = new();

    public RevocationChecks(CognitoGetUser cognito, IOptions<CognitoAuthOptions> options, TimeProvider time, AuthenticationMetrics metrics)
    {
        var settings = options.Value;
        _cognito = cognito;
        _time = time;
        _metrics = metrics;
        _intervalTicks = settings.RevocationCheckInterval.Ticks;
        _skewTicks = settings.ClockSkew.Ticks;
        _timeout = settings.RevocationCheckTimeout;
        _capacity = settings.CacheSize;
        _endpoints = settings.TrustedPools.ToDictionary(p => p.Issuer, p => p.EffectiveServiceUrl, StringComparer.Ordinal);
    }

    /// <summary>How many answers are remembered.</summary>
    public int Count => _answers.Count;

    /// <summary>Cognito's verdict on <paramref name="token"/> (an access token of a trusted pool), remembered or asked now.</summary>
    /// <param name="token">The validated access token.</param>
    /// <param name="cancellationToken">Ends this caller's wait (the invocation's); the shared call runs to its own timeout.</param>
    /// <param name="remembered">Whether the verdict came from memory.</param>
    public ValueTask<RevocationVerdict> CheckAsync(CognitoToken token, CancellationToken cancellationToken, out bool remembered)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (_answers.TryGetValue(token.EncodedToken, out var entry))
        {
            if (now < entry.UntilTicks)
            {
                remembered = true;
                return ValueTask.FromResult(entry.Verdict);
            }

            _answers.TryRemove(new KeyValuePair<string, Entry>(token.EncodedToken, entry));
        }

        remembered = false;
        var flight = _flights.GetOrAdd(token.EncodedToken, static _ => new SingleFlight<RevocationVerdict>());
        return new ValueTask<RevocationVerdict>(flight.RunAsync(() => AskAsync(token, flight), cancellationToken));
    }

    private async Task<RevocationVerdict> AskAsync(CognitoToken token, SingleFlight<RevocationVerdict> flight)
    {
        try
        {
            // A caller that joined just after the previous flight published its answer finds it here.
            if (_answers.TryGetValue(token.EncodedToken, out var entry) && _time.GetUtcNow().UtcTicks < entry.UntilTicks)
            {
                return entry.Verdict;
            }

            var verdict = await _cognito.AskAsync(_endpoints[token.Issuer], token.EncodedToken, _timeout);
            _metrics.RecordRevocationCheck(OutcomeTags.Of(verdict));
            Remember(token, verdict);
            return verdict;
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<string, SingleFlight<RevocationVerdict>>(token.EncodedToken, flight));
        }
    }

    private void Remember(CognitoToken token, RevocationVerdict verdict)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var expires = token.ExpiresAtTicks + _skewTicks;
        long until = verdict switch
        {
            RevocationVerdict.Active => Math.Min(now + _intervalTicks, expires),
            RevocationVerdict.Revoked or RevocationVerdict.UserNotFound => expires,
            _ => 0,
        };

        if (until <= now || _capacity == 0)
        {
            return;
        }

        if (_answers.Count >= _capacity)
        {
            Trim(now);
            if (_answers.Count >= _capacity)
            {
                return;
            }
        }

        _answers[token.EncodedToken] = new Entry(verdict, until);
    }

    private void Trim(long now)
    {
        lock (_trimGate)
        {
            foreach (var (key, entry) in _answers)
            {
                if (entry.UntilTicks <= now)
                {
                    _answers.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                }
            }
        }
    }

    private readonly record struct Entry(RevocationVerdict Verdict, long UntilTicks);
}
