using CognitoFunctions.Testing.Telemetry;

namespace CognitoFunctions.FunctionalTests.Telemetry;

/// <summary>
/// The real app as <see cref="CognitoFunctionsAppFixture"/> serves it, exporting its telemetry over OTLP/HTTP to an
/// <see cref="OtlpReceiver"/>: the worker runs in a process of its own, so the real export path is what the tests
/// see. The batch and metric intervals are short so that what the app records arrives within a test's deadline.
/// </summary>
public sealed class TelemetryAppFixture : CognitoFunctionsAppFixture
{
    /// <summary>How long a test waits for telemetry: several export intervals, and a worker under a loaded machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private OtlpReceiver? _receiver;

    /// <summary>What the app has exported so far.</summary>
    public OtlpReceiver Telemetry => _receiver ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task DisposeAsync()
    {
        // The host first: the worker flushes its last batches on the way out, to a receiver still listening.
        await base.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _receiver = await OtlpReceiver.StartAsync();
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = _receiver.Endpoint.ToString();
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        // Milliseconds: spans and log records leave in batches at most this old, metrics at this interval.
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        settings["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        await base.ConfigureAppSettingsAsync(settings);
    }
}
