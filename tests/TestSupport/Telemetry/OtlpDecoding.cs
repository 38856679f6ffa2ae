using CognitoFunctions.Testing.Telemetry.Otlp;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace CognitoFunctions.Testing.Telemetry;

/// <summary>The decoded OTLP messages flattened into the captured records.</summary>
internal static class OtlpDecoding
{
    public static IEnumerable<CapturedSpan> Spans(ExportTraceServiceRequest request) =>
        from resource in request.ResourceSpans
        from scope in resource.ScopeSpans
        from span in scope.Spans
        select new CapturedSpan(
            scope.Scope?.Name ?? "",
            span.Name,
            (CapturedSpanKind)span.Kind,
            Hex(span.TraceId),
            Hex(span.SpanId),
            Hex(span.ParentSpanId),
            Attributes(span.Attributes),
            (CapturedStatus)(span.Status?.Code ?? StatusCode.Unset),
            span.Status?.Message ?? "",
            span.Events.Select(e => new CapturedSpanEvent(e.Name, Attributes(e.Attributes))).ToList(),
            DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100)),
            TimeSpan.FromTicks((long)((span.EndTimeUnixNano - span.StartTimeUnixNano) / 100)));

    public static IEnumerable<CapturedLog> Logs(ExportLogsServiceRequest request) =>
        from resource in request.ResourceLogs
        from scope in resource.ScopeLogs
        from record in scope.LogRecords
        select new CapturedLog(
            scope.Scope?.Name ?? "",
            record.SeverityNumber,
            record.SeverityText,
            record.Body is null ? null : Value(record.Body)?.ToString(),
            record.EventName,
            Hex(record.TraceId),
            Hex(record.SpanId),
            Attributes(record.Attributes));

    public static IEnumerable<CapturedMetric> Metrics(ExportMetricsServiceRequest request) =>
        from resource in request.ResourceMetrics
        from scope in resource.ScopeMetrics
        from metric in scope.Metrics
        select new CapturedMetric(scope.Scope?.Name ?? "", metric.Name, metric.Unit, Points(metric));

    private static List<CapturedPoint> Points(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(Number).ToList(),
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(Number).ToList(),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints
            .Select(p => new CapturedPoint(Attributes(p.Attributes), null, p.Count, p.HasSum ? p.Sum : null))
            .ToList(),
        _ => [],
    };

    private static CapturedPoint Number(NumberDataPoint point) => new(
        Attributes(point.Attributes),
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        null,
        null);

    private static Dictionary<string, object?> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Value(g.Last().Value), StringComparer.Ordinal);

    private static object? Value(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToList(),
        AnyValue.ValueOneofCase.KvlistValue => Attributes(value.KvlistValue.Values),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        _ => null,
    };

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);
}
