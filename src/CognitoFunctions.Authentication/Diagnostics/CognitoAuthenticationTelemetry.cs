using System.Diagnostics;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The names under which the middleware emits telemetry, for an app to register with its exporter (the package itself
/// takes no exporter dependency): the ActivitySource of its JWKS fetch spans and the Meter of its counters. Its decision
/// on each request is tagged on the invocation's span (<see cref="Activity.Current"/>), without a span of its own.
/// </summary>
public static class CognitoAuthenticationTelemetry
{
    /// <summary>The ActivitySource of the JWKS fetch spans.</summary>
    public const string SourceName = "CognitoFunctions.Authentication";

    /// <summary>The Meter of <c>cognito.auth.requests</c>, <c>cognito.auth.validation.duration</c>, <c>cognito.auth.jwks.fetches</c> and <c>cognito.auth.revocation.checks</c>.</summary>
    public const string MeterName = "CognitoFunctions.Authentication";

    internal static readonly ActivitySource Source = new(SourceName);

    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>
    /// Tags the middleware's decision on the invocation's span: outcome (as <c>cognito.auth.requests</c> names it),
    /// whether the token came from the validation cache, its token use, and the problem type of a refusal. Never the
    /// token nor a claim of it (not even <c>sub</c>: a span is no audit record). Nothing is built when no listener
    /// records the span, so a request nobody traces pays one read of <see cref="Activity.Current"/>.
    /// </summary>
    internal static void TagDecision(string outcome, bool cached, CognitoTokenUse? tokenUse, CognitoAuthenticationProblem? problem)
    {
        if (Activity.Current is not { IsAllDataRequested: true } invocation)
        {
            return;
        }

        invocation.SetTag("cognito.auth.outcome", outcome);
        invocation.SetTag("cognito.auth.cached", cached ? True : False);
        invocation.SetTag("cognito.auth.token_use", tokenUse switch
        {
            CognitoTokenUse.Id => "id",
            CognitoTokenUse.Access => "access",
            _ => null,
        });
        invocation.SetTag("cognito.auth.problem_type", problem?.Type);
    }

    /// <summary>
    /// The span of one JWKS fetch (its retry included), a child of whatever trace is current: the request that
    /// needed the keys, or none for the start-up prefetch and the periodic refresh.
    /// </summary>
    internal static Activity? StartJwksFetch(string issuer, Uri address)
    {
        var activity = Source.StartActivity("Cognito JWKS fetch", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("cognito.auth.issuer", issuer);
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
        }

        return activity;
    }

    /// <summary>Ends a JWKS fetch span: its result (as <c>cognito.auth.jwks.fetches</c> names it), HTTP status and usable key count.</summary>
    internal static void EndJwksFetch(Activity? activity, JwksFetchOutcome outcome, int? statusCode, int keyCount)
    {
        if (activity is null)
        {
            return;
        }

        var result = OutcomeTags.Of(outcome);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("cognito.auth.jwks.result", result);
            activity.SetTag("cognito.auth.jwks.key_count", keyCount);
            activity.SetTag("http.response.status_code", statusCode);
        }

        if (outcome != JwksFetchOutcome.Success)
        {
            activity.SetStatus(ActivityStatusCode.Error, result);
        }
    }
}
