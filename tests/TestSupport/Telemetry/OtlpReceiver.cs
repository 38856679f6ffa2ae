using System.IO.Compression;
using CognitoFunctions.Testing.Loopback;
using CognitoFunctions.Testing.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver (protobuf) on 127.0.0.1 that keeps in memory what an app exports to it: the app runs in a
/// process of its own under the functions test host, so its real export path (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> = <see
/// cref="Endpoint"/>, <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>) is the only way out. Tests wait on it with a
/// deadline (<see cref="WaitForAsync{T}"/>), never with a sleep.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<CapturedSpan> _spans = [];
    private readonly List<CapturedLog> _logs = [];
    private readonly List<CapturedMetric> _metrics = [];
    private readonly List<string> _refused = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer? _server;

    private OtlpReceiver()
    {
    }

    /// <summary>The base address to give the exporter; it adds <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c>.</summary>
    public Uri Endpoint => _server?.Address ?? throw new InvalidOperationException("The receiver is not started.");

    public IReadOnlyList<CapturedSpan> Spans => Snapshot(_spans);

    public IReadOnlyList<CapturedLog> Logs => Snapshot(_logs);

    /// <summary>Every metric of every export, in the order received (the last of a name has the latest totals).</summary>
    public IReadOnlyList<CapturedMetric> Metrics => Snapshot(_metrics);

    /// <summary>Requests the receiver could not take (wrong path, media type or an undecodable body), each with why.</summary>
    public IReadOnlyList<string> Refused => Snapshot(_refused);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await LoopbackServer.StartAsync(receiver.ReceiveAsync);
        return receiver;
    }

    /// <summary>
    /// Waits until <paramref name="find"/> returns something from what has arrived, and returns it; fails after
    /// <paramref name="timeout"/> naming <paramref name="what"/> and what did arrive.
    /// </summary>
    public async Task<T> WaitForAsync<T>(Func<OtlpReceiver, T?> find, string what, TimeSpan timeout)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(find);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (find(this) is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No {what} arrived within {timeout}. Received: {Summary()}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private string Summary()
    {
        lock (_gate)
        {
            return $"{_spans.Count} span(s) [{string.Join(", ", _spans.Select(s => $"{s.Source}/{s.Name}"))}], "
                + $"{_logs.Count} log record(s), metrics [{string.Join(", ", _metrics.Select(m => m.Name).Distinct())}]"
                + (_refused.Count > 0 ? $", refused: {string.Join("; ", _refused)}" : "");
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            Refuse($"{request.Method} {request.Path} ({request.ContentType})");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        var source = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await using (source)
        {
            await source.CopyToAsync(body, context.RequestAborted);
        }

        body.Position = 0;
        try
        {
            switch (request.Path.Value)
            {
                case "/v1/traces":
                    Add(_spans, OtlpDecoding.Spans(ExportTraceServiceRequest.Parser.ParseFrom(body)));
                    break;
                case "/v1/logs":
                    Add(_logs, OtlpDecoding.Logs(ExportLogsServiceRequest.Parser.ParseFrom(body)));
                    break;
                case "/v1/metrics":
                    Add(_metrics, OtlpDecoding.Metrics(ExportMetricsServiceRequest.Parser.ParseFrom(body)));
                    break;
                default:
                    Refuse($"POST {request.Path}: not an OTLP path");
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            Refuse($"POST {request.Path}: {e.Message}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // An empty Export*ServiceResponse: full success.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    private void Refuse(string why) => Add(_refused, [why]);

    private void Add<T>(List<T> into, IEnumerable<T> items)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            into.AddRange(items);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private List<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }
}
