using System.Diagnostics;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The signing keys of one pool, from its JWKS. One fetch at a time (callers join the one in flight); refreshed
/// periodically; the last good keys are kept when a fetch fails; an unknown <c>kid</c> causes at most one fetch per
/// penalty window, counted from the start of the previous fetch, and is answered from memory inside it. Keys that
/// leave the JWKS are retired, which drops the tokens they signed from the cache.
/// </summary>
internal sealed class JwksKeySource : IDisposable
{
    private readonly string _issuer;
    private readonly Uri _address;
    private readonly JwksFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _penaltyWindow;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _fetchTimeout;
    private readonly AuthenticationMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Action<IReadOnlyCollection<SigningKey>> _onKeysRetired;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly SingleFlight<bool> _fetch;
    private volatile SigningKeySet? _keys;
    private volatile FetchHistory _history = new(null, null, null);
    private long _lastFetchStartTicks = long.MinValue;
    private ITimer? _refreshTimer;
    private bool _disposed;

    public JwksKeySource(
        string issuer,
        Uri address,
        JwksFetcher fetcher,
        TimeProvider time,
        CognitoAuthOptions options,
        AuthenticationMetrics metrics,
        ILogger logger,
        Action<IReadOnlyCollection<SigningKey>> onKeysRetired)
    {
        _issuer = issuer;
        _address = address;
        _fetcher = fetcher;
        _time = time;
        _penaltyWindow = options.PenaltyWindow;
        _refreshInterval = options.JwksRefreshInterval;
        _fetchTimeout = options.JwksFetchTimeout;
        _metrics = metrics;
        _logger = logger;
        _onKeysRetired = onKeysRetired;
        _fetch = new SingleFlight<bool>(_gate);
    }

    /// <summary>The keys of the last successful fetch; null until one succeeds. Read without a lock: the validation's path.</summary>
    public SigningKeySet? Current => _keys;

    /// <summary>Whether any fetch was ever started: set as the fetch starts, before its request is sent.</summary>
    internal bool HasStartedFetch
    {
        get
        {
            lock (_gate)
            {
                return _lastFetchStartTicks != long.MinValue;
            }
        }
    }

    /// <summary>What a health check may know of these keys.</summary>
    public CognitoPoolKeyStatus Status()
    {
        var history = _history;
        return new CognitoPoolKeyStatus
        {
            Issuer = _issuer,
            KeyCount = _keys?.Keys.Count ?? 0,
            LastRefresh = history.LastRefresh,
            LastError = history.LastError,
            LastErrorAt = history.LastErrorAt,
        };
    }

    /// <summary>Starts a fetch now, whatever the penalty window (start-up prefetch and the refresh timer).</summary>
    public Task RefreshAsync()
    {
        lock (_gate)
        {
            return _fetch.InFlight ?? StartFetch();
        }
    }

    /// <summary>
    /// The fetch a request that met an unknown <c>kid</c> (or no keys at all) may wait for: the one in flight, or a
    /// new one when the penalty window since the last fetch has passed. Null inside the window.
    /// </summary>
    public Task? JoinOrStartFetch()
    {
        lock (_gate)
        {
            if (_fetch.InFlight is { } inFlight)
            {
                return inFlight;
            }

            return IsInPenaltyWindow() ? null : StartFetch();
        }
    }

    /// <summary>How long until a fetch may start again (at least one second, for Retry-After).</summary>
    public TimeSpan RetryAfter()
    {
        lock (_gate)
        {
            var left = TimeSpan.FromTicks(_lastFetchStartTicks + _penaltyWindow.Ticks - _time.GetUtcNow().UtcTicks);
            return left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _refreshTimer?.Dispose();
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    private bool IsInPenaltyWindow() =>
        _lastFetchStartTicks != long.MinValue && _time.GetUtcNow().UtcTicks - _lastFetchStartTicks < _penaltyWindow.Ticks;

    // Called under _gate, with no fetch in flight: the penalty window and the start time are decided with the start.
    private Task StartFetch()
    {
        if (_disposed)
        {
            return Task.CompletedTask;
        }

        _lastFetchStartTicks = _time.GetUtcNow().UtcTicks;
        var fetch = _fetch.RunAsync(FetchAndApplyAsync);

        // The next fetch is scheduled once this one has left the flight: a timer that fired while it was still in flight
        // would only join it, and the periodic refresh would stop. Registered first, it runs before any waiter resumes.
        _ = fetch.ContinueWith(
            static (done, state) => ((JwksKeySource)state!).ScheduleAfter(done.IsCompletedSuccessfully && done.Result),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return fetch;
    }

    private void RefreshInBackground()
    {
        // The timer may run in the context of the request whose fetch scheduled it: a refresh is a trace of its own.
        Activity.Current = null;
        _ = RefreshAsync();
    }

    private void ScheduleAfter(bool succeeded)
    {
        lock (_gate)
        {
            ScheduleRefresh(succeeded ? _refreshInterval : _penaltyWindow);
        }
    }

    // Whether the fetch succeeded; it never throws, so the requests waiting on it never fault.
    private async Task<bool> FetchAndApplyAsync()
    {
        using var activity = CognitoAuthenticationTelemetry.StartJwksFetch(_issuer, _address);
        try
        {
            var result = await _fetcher.FetchAsync(_address, _fetchTimeout, _stopping.Token);
            return Apply(result, activity);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fetch must never fault the tasks requests wait on; the failure is logged and the old keys kept.
            _metrics.RecordJwksFetch(_issuer, JwksFetchOutcome.NetworkError);
            CognitoAuthenticationTelemetry.EndJwksFetch(activity, JwksFetchOutcome.NetworkError, null, _keys?.Keys.Count ?? 0);
            RecordFailure(JwksFetchOutcome.NetworkError);
            AuthenticationLog.JwksFetchFailed(_logger, e, _issuer, JwksFetchOutcome.NetworkError, null, _keys?.Keys.Count ?? 0);
            return false;
        }
    }

    private bool Apply(JwksFetchResult result, Activity? activity)
    {
        var previous = _keys;
        var keys = result.Outcome == JwksFetchOutcome.Success ? SigningKeySet.Parse(result.Document!, previous) : null;
        var outcome = result.Outcome switch
        {
            JwksFetchOutcome.Success when keys is null => JwksFetchOutcome.InvalidDocument,
            JwksFetchOutcome.Success when keys!.Keys.Count == 0 => JwksFetchOutcome.NoUsableKeys,
            var other => other,
        };
        _metrics.RecordJwksFetch(_issuer, outcome);
        CognitoAuthenticationTelemetry.EndJwksFetch(
            activity, outcome, result.StatusCode ?? (result.Outcome == JwksFetchOutcome.Success ? 200 : null), keys?.Keys.Count ?? previous?.Keys.Count ?? 0);
        if (outcome != JwksFetchOutcome.Success)
        {
            RecordFailure(outcome);
            AuthenticationLog.JwksFetchFailed(_logger, result.Error, _issuer, outcome, result.StatusCode, previous?.Keys.Count ?? 0);
            return false;
        }

        foreach (var (kid, why) in keys!.Unusable)
        {
            AuthenticationLog.JwksKeySkipped(_logger, _issuer, kid, why);
        }

        _keys = keys;
        _history = new FetchHistory(_time.GetUtcNow(), null, null);
        AuthenticationLog.JwksFetched(_logger, _issuer, keys.Keys.Count, keys.Unusable.Count);
        if (previous is not null)
        {
            var retired = previous.Keys.Where(old => !keys.Keys.Contains(old)).ToList();
            if (retired.Count > 0)
            {
                foreach (var key in retired)
                {
                    key.Retire();
                    AuthenticationLog.KeyRetired(_logger, _issuer, key.KeyId);
                }

                _onKeysRetired(retired);
            }
        }

        return true;
    }

    private void RecordFailure(JwksFetchOutcome outcome) =>
        _history = _history with { LastError = OutcomeTags.Of(outcome), LastErrorAt = _time.GetUtcNow() };

    // Called under _gate.
    private void ScheduleRefresh(TimeSpan due)
    {
        if (_disposed)
        {
            return;
        }

        if (_refreshTimer is null)
        {
            _refreshTimer = _time.CreateTimer(static state => ((JwksKeySource)state!).RefreshInBackground(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _refreshTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The last successful fetch, and the failure of the latest one (null when it succeeded).</summary>
    private sealed record FetchHistory(DateTimeOffset? LastRefresh, string? LastError, DateTimeOffset? LastErrorAt);
}
