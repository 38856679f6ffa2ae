using System.Diagnostics;
using System.Net;
using System.Text;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>The local run with <c>--telemetry console</c>: the app's spans, metrics and logs on the run's console.</summary>
public sealed class TelemetryConsoleRunTests
{
    [Fact]
    public async Task With_telemetry_console_a_request_prints_its_span_in_the_caller_trace_the_Accounts_metric_and_log_records()
    {
        // Metrics are printed at this interval (milliseconds) instead of once a minute; the worker inherits it.
        using var run = LocalRunProcess.Start(["--temp", "--test-host", "--telemetry", "console"], new Dictionary<string, string> { ["OTEL_METRIC_EXPORT_INTERVAL"] = "200" });
        await run.ReadUntilAsync(LocalRunProcess.SaysRunning);
        Assert.Contains("[local-run] --telemetry console: the app prints its spans, metrics and logs here.", run.Output);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.AppPort}/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/user/login")
        {
            Content = new StringContent("""{"email":"nobody@example.com","password":"Correct-Horse-9"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await run.ReadUntilAsync(lines =>
            lines.Exists(l => l.Contains("Activity.TraceId:", StringComparison.Ordinal) && l.Contains(traceId, StringComparison.Ordinal))
            && lines.Exists(l => l.Contains("Metric Name: cognito.account.operations", StringComparison.Ordinal))
            && lines.Exists(l => l.Contains("LogRecord.TraceId:", StringComparison.Ordinal) && l.Contains(traceId, StringComparison.Ordinal)));
        await run.InterruptAsync();
        Assert.Equal(0, run.ExitCode);
    }
}
