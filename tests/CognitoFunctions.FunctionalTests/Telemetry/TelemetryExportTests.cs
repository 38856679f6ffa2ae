using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.Telemetry;

namespace CognitoFunctions.FunctionalTests.Telemetry;

/// <summary>The app's telemetry as it leaves the worker over OTLP, joined to the caller's W3C trace context.</summary>
public sealed class TelemetryExportTests(TelemetryAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<TelemetryAppFixture>
{
    private OtlpReceiver Telemetry => fixture.Telemetry;

    [Fact]
    public async Task A_request_with_a_traceparent_yields_the_invocation_span_in_that_trace_the_Accounts_metrics_and_its_log_records()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/user/login")
        {
            // With a Content-Length: the host delivers a chunked body empty.
            Content = new StringContent(JsonSerializer.Serialize(new { email = AccountClient.NewEmail("telemetry"), password = AccountClient.Password }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var invocation = await Telemetry.WaitForAsync(
            t => t.Spans.FirstOrDefault(s => s.TraceId == traceId && s.Source == "Microsoft.Azure.Functions.Worker"),
            $"invocation span in trace {traceId}",
            TelemetryAppFixture.Deadline);
        Assert.NotEqual("", invocation.ParentSpanId);
        Assert.Contains("LogIn", invocation.Name, StringComparison.OrdinalIgnoreCase);

        var logins = await Telemetry.WaitForAsync(
            t => t.Metrics.LastOrDefault(m => m.Meter == "CognitoFunctions.Accounts" && m.Name == "cognito.account.operations"
                && m.Points.Any(p => Equals(p.Attributes["operation"], "login") && Equals(p.Attributes["outcome"], "invalid_credentials"))),
            "cognito.account.operations for a refused login",
            TelemetryAppFixture.Deadline);
        Assert.Equal("{operation}", logins.Unit);
        Assert.True(logins.Points.Single(p => Equals(p.Attributes["outcome"], "invalid_credentials") && Equals(p.Attributes["operation"], "login")).Value >= 1);

        // A record written while the invocation ran carries the trace and the span it ran in (the invocation's or a child's).
        var log = await Telemetry.WaitForAsync(
            t => t.Logs.FirstOrDefault(l => l.TraceId == traceId && t.Spans.Any(s => s.TraceId == traceId && s.SpanId == l.SpanId)),
            $"log record in a span of trace {traceId}",
            TelemetryAppFixture.Deadline);
        Assert.NotEqual("", log.Category);
        Assert.True(log.Severity >= 9, $"severity {log.Severity}");
        Assert.Empty(Telemetry.Refused);
    }
}
