using System.Diagnostics;
using CognitoFunctions.Cognito.Http;

namespace CognitoFunctions.Cognito;

/// <summary>
/// The names under which the Cognito client emits telemetry, for an app to register with its exporter: the
/// ActivitySource of one client span per Cognito operation (named <c>AWSCognitoIdentityProviderService/&lt;Operation&gt;</c>,
/// retries included) and the Meter of the call durations (<c>cognito.client.duration</c>). Neither carries personal
/// data: no username, email, token or request body.
/// </summary>
public static class CognitoTelemetry
{
    /// <summary>The ActivitySource of the Cognito client's spans.</summary>
    public const string SourceName = "CognitoFunctions.Cognito";

    /// <summary>The Meter of the Cognito client's call durations.</summary>
    public const string MeterName = "CognitoFunctions.Cognito";

    /// <summary>The service as the wire names it (the <c>X-Amz-Target</c> prefix): <c>rpc.service</c> of every span.</summary>
    internal const string RpcService = "AWSCognitoIdentityProviderService";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>The client span of one call, or null when nobody listens; its request tags only when it records them.</summary>
    internal static Activity? StartCall(CognitoOperation operation)
    {
        var activity = Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", RpcService);
            activity.SetTag("rpc.method", operation.Name);
        }

        return activity;
    }

    /// <summary>
    /// Tags the call's outcome on its span: <c>cognito.outcome</c> (a <see cref="CallOutcome"/>), Cognito's error code,
    /// the attempts sent and whether the outcome is unknown; status Error for any failure but the caller's cancellation.
    /// </summary>
    internal static void EndCall(Activity? activity, string outcome, string? errorCode, int attempts, bool outcomeUnknown)
    {
        if (activity is null)
        {
            return;
        }

        var failed = outcome is not (CallOutcome.Ok or CallOutcome.Cancelled);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("cognito.outcome", outcome);
            activity.SetTag("cognito.error_code", errorCode);
            activity.SetTag("cognito.attempts", attempts);
            activity.SetTag("cognito.outcome_unknown", outcomeUnknown);
            if (failed)
            {
                activity.SetTag("error.type", errorCode ?? outcome);
            }
        }

        if (failed)
        {
            // The outcome only: Cognito's message may quote what the request carried.
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }
}
