namespace CognitoFunctions.Shared;

/// <summary>
/// One shared call at a time: the first caller starts it, callers that come while it runs join it, and a caller that
/// comes after it ended starts the next. The call runs on the thread pool apart from its callers, so a caller's
/// cancellation ends only that caller's wait, never the call the others wait on (the call brings its own time bound).
/// A failure reaches every caller of that flight and is not kept: the next caller starts a new call, unless its owner
/// decides otherwise (remembering when to try again, say). What to keep from a success is the owner's too. One source
/// file compiled into each project that shares a call this way.
/// </summary>
/// <remarks>
/// The owner may pass its own lock: then checking its cache and joining or starting the call happen under one lock, and
/// a call that publishes its result under that lock before it returns is never followed by a second call that missed it.
/// </remarks>
internal sealed class SingleFlight<T>(Lock gate)
{
    private Task<T>? _flight;

    /// <summary>A flight with a lock of its own.</summary>
    public SingleFlight()
        : this(new Lock())
    {
    }

    /// <summary>The call in flight, if any.</summary>
    public Task<T>? InFlight
    {
        get
        {
            lock (gate)
            {
                return _flight;
            }
        }
    }

    /// <summary>
    /// Joins the call in flight, or starts <paramref name="call"/> when none is; <paramref name="cancellationToken"/>
    /// ends this caller's wait alone.
    /// </summary>
    public Task<T> RunAsync(Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        Task<T> flight;
        lock (gate)
        {
            // Task.Run: the call starts outside this lock, and takes it again when it ends, after the assignment.
            flight = _flight ??= Task.Run(() => FlyAsync(call));
        }

        return cancellationToken.CanBeCanceled ? flight.WaitAsync(cancellationToken) : flight;
    }

    private async Task<T> FlyAsync(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        finally
        {
            lock (gate)
            {
                _flight = null;
            }
        }
    }
}
