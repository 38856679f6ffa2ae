using CognitoFunctions.Shared;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>The trace id both the middleware's and the app's problem details report (src/Shared, one rule for both).</summary>
public sealed class W3CTraceParentTests
{
    [Theory]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-adds", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0", null)]
    [InlineData("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473600f067aa0ba902b7--01", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_trace_id_is_read_from_a_traceparent_of_any_version_or_not_at_all(string? traceParent, string? expected) =>
        Assert.Equal(expected, W3CTraceParent.TraceId(traceParent));
}
