using System.Collections.Concurrent;
using System.Diagnostics;

namespace CognitoFunctions.Testing.Telemetry;

/// <summary>
/// Records the spans of the named ActivitySources under an invocation span of the test's own, which it makes
/// <see cref="Activity.Current"/> as the Functions worker does: its parent is a W3C traceparent, as a caller sends it.
/// A listener hears the whole process, so <see cref="InTrace"/> keeps only the spans of this test's trace; the others
/// are in <see cref="All"/> for a test that tells its spans apart by themselves (a background fetch has a trace of its own).
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private const string InvocationSource = "CognitoFunctions.Testing.Invocation";

    private static readonly ActivitySource Invocations = new(InvocationSource);

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(params string[] sources)
    {
        CallerTraceId = ActivityTraceId.CreateRandom();
        CallerSpanId = ActivitySpanId.CreateRandom();
        _listener = new ActivityListener
        {
            // By name: reading the static source here would create it while the listener is being added, unheard.
            ShouldListenTo = source => source.Name == InvocationSource || sources.Contains(source.Name),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        var caller = ActivityContext.Parse($"00-{CallerTraceId}-{CallerSpanId}-01", null);
        Invocation = Invocations.StartActivity("Invoke", ActivityKind.Server, caller)
            ?? throw new InvalidOperationException("The invocation span was not sampled.");
    }

    /// <summary>The trace id of the caller's <c>traceparent</c>.</summary>
    public ActivityTraceId CallerTraceId { get; }

    /// <summary>The span id of the caller's <c>traceparent</c>: the invocation span's parent.</summary>
    public ActivitySpanId CallerSpanId { get; }

    /// <summary>The invocation's span, <see cref="Activity.Current"/> from the constructor on (in the test's async flow).</summary>
    public Activity Invocation { get; }

    /// <summary>The spans stopped so far in the caller's trace, the invocation's excepted, in the order they stopped.</summary>
    public IReadOnlyList<Activity> InTrace => [.. _stopped.Where(a => a.TraceId == CallerTraceId && a != Invocation)];

    /// <summary>Every span of the named sources stopped so far, in any trace (other tests' too).</summary>
    public IReadOnlyList<Activity> All => [.. _stopped.Where(a => a.Source != Invocations)];

    /// <summary>Every tag value of the spans in <see cref="InTrace"/>, with their names and status descriptions, as text.</summary>
    public IEnumerable<string> TextInTrace() => InTrace.SelectMany(a =>
        a.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .Concat([a.DisplayName, a.OperationName, a.StatusDescription ?? ""])
            .Concat(a.Events.Select(e => e.Name)));

    public void Dispose()
    {
        Invocation.Dispose();
        _listener.Dispose();
    }
}
