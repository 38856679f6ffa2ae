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

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _jwksFetches;
    private readonly Counter<long> _revocationChecks;

    public AuthenticationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("cognito.auth.requests", "{request}", "HTTP requests decided by the Cognito middleware, by outcome.");
        _duration = meter.CreateHistogram<double>("cognito.auth.validation.duration", "s", "Time to decide a request's token.");
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
