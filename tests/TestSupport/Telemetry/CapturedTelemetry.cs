namespace CognitoFunctions.Testing.Telemetry;

/// <summary>
/// A span as the app exported it. Ids are lower-case hex, as in a W3C <c>traceparent</c>; an absent parent is empty.
/// <see cref="Start"/> and <see cref="Duration"/> are the span's own times, to the protocol's nanosecond rounded to a tick.
/// </summary>
public sealed record CapturedSpan(
    string Source,
    string Name,
    CapturedSpanKind Kind,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    IReadOnlyDictionary<string, object?> Attributes,
    CapturedStatus Status,
    string StatusMessage,
    IReadOnlyList<CapturedSpanEvent> Events,
    DateTimeOffset Start,
    TimeSpan Duration);

/// <summary>The span kinds of the protocol.</summary>
public enum CapturedSpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

/// <summary>The status codes of the protocol.</summary>
public enum CapturedStatus
{
    Unset,
    Ok,
    Error,
}

public sealed record CapturedSpanEvent(string Name, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>
/// A log record as the app exported it: <see cref="Category"/> is the logger's category (the scope's name),
/// <see cref="Severity"/> the protocol's severity number (9 Information, 13 Warning, 17 Error).
/// </summary>
public sealed record CapturedLog(
    string Category,
    int Severity,
    string SeverityText,
    string? Body,
    string EventName,
    string TraceId,
    string SpanId,
    IReadOnlyDictionary<string, object?> Attributes);

/// <summary>One data point of an exported metric: <see cref="Value"/> for a sum or gauge, <see cref="Count"/> and <see cref="Sum"/> for a histogram.</summary>
public sealed record CapturedPoint(IReadOnlyDictionary<string, object?> Attributes, double? Value, ulong? Count, double? Sum);

/// <summary>One metric of one export (cumulative: each export carries the totals so far).</summary>
public sealed record CapturedMetric(string Meter, string Name, string Unit, IReadOnlyList<CapturedPoint> Points);
