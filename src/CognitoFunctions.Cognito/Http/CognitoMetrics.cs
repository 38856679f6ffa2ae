using System.Diagnostics.Metrics;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// The meter <c>CognitoFunctions.Cognito</c>: <c>cognito.client.duration</c>, the time of each Cognito operation as
/// the app called it (all its attempts and the waits between them), tagged <c>operation</c>, <c>outcome</c> and, when
/// Cognito named one, <c>error_code</c>.
/// </summary>
internal sealed class CognitoMetrics
{
    // Seconds: a Cognito call takes tens of milliseconds in its region, and up to the total timeout when it fails.
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];

    private readonly Histogram<double> _duration;

    public CognitoMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CognitoTelemetry.MeterName);
        _duration = meter.CreateHistogram(
            "cognito.client.duration",
            "s",
            "Duration of Cognito operations as the app called them, retries included, by operation and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    public void Record(string operation, string outcome, string? errorCode, double seconds)
    {
        if (!_duration.Enabled)
        {
            return;
        }

        if (errorCode is null)
        {
            _duration.Record(seconds, new("operation", operation), new("outcome", outcome));
        }
        else
        {
            _duration.Record(seconds, new("operation", operation), new("outcome", outcome), new("error_code", errorCode));
        }
    }
}
