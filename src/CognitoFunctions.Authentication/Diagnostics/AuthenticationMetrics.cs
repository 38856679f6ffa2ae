using System.Diagnostics.Metrics;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The meter <c>CognitoFunctions.Authentication</c>: <c>cognito.auth.requests</c> (one per HTTP request the
/// middleware decides, tagged <c>outcome</c> = valid, missing, expired, bad_signature, wrong_issuer, ...),
/// <c>cognito.auth.validation.duration</c> (seconds, tagged <c>cached</c>), <c>cognito.auth.jwks.fetches</c>
/// (tagged <c>issuer</c> and <c>result</c>) and <c>cognito.auth.revocation.checks</c> (one per call to Cognito's
/// <c>GetUser</c>, tagged <c>result</c> = active, revoked, user_not_found, throttled, error, timeout, network_error).
/// </summary>
internal sealed class AuthenticationMetrics
{
    public const string MeterName = CognitoAuthenticationTelemetry.MeterName;

    // Seconds. A repeated token is decided in microseconds, a first sight in about one RSA verification (tens of
    // microseconds to a millisecond), and a request that waits for a JWKS fetch in up to the fetch's timeout. The
    // OpenTelemetry SDK's default boundaries (0, 5, 10, 25, ... 10000) are meant for milliseconds and would put every
    // decision into the first bucket.
    internal static readonly double[] ValidationBuckets =
        [0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _jwksFetches;
    private readonly Counter<long> _revocationChecks;

    public AuthenticationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("cognito.auth.requests", "{request}", "HTTP requests decided by the Cognito middleware, by outcome.");
        _duration = meter.CreateHistogram(
            "cognito.auth.validation.duration",
            "s",
            "Time to decide a request's token.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ValidationBuckets });
        _jwksFetches = meter.CreateCounter<long>("cognito.auth.jwks.fetches", "{fetch}", "JWKS fetches, by pool and result.");
        _revocationChecks = meter.CreateCounter<long>("cognito.auth.revocation.checks", "{call}", "Calls to Cognito asking whether an access token was revoked, by result.");
    }

    public void RecordOutcome(string outcome, bool cached, double seconds)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (_duration.Enabled)
        {
            _duration.Record(seconds, new KeyValuePair<string, object?>("cached", cached ? "true" : "false"));
        }
    }

    public void RecordRevocationCheck(string result) =>
        _revocationChecks.Add(1, new KeyValuePair<string, object?>("result", result));

    public void RecordJwksFetch(string issuer, JwksFetchOutcome outcome) =>
        _jwksFetches.Add(
            1,
            new KeyValuePair<string, object?>("issuer", issuer),
            new KeyValuePair<string, object?>("result", OutcomeTags.Of(outcome)));
}
