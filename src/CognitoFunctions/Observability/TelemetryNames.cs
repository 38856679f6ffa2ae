using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;

namespace CognitoFunctions.Observability;

/// <summary>The activity sources and meters that the export subscribes to, named where each is emitted.</summary>
internal static class TelemetryNames
{
    /// <summary>The worker's span of each invocation, joined to the host's trace context.</summary>
    public const string WorkerSource = "Microsoft.Azure.Functions.Worker";

    /// <summary>The invocation spans, one span per Cognito operation (the Cognito client), the middleware's JWKS fetches.</summary>
    public static readonly IReadOnlyList<string> Sources = [WorkerSource, CognitoTelemetry.SourceName, CognitoAuthenticationTelemetry.SourceName];

    /// <summary>The middleware's decisions and fetches, the account operations, the Cognito call durations.</summary>
    public static readonly IReadOnlyList<string> Meters = [CognitoAuthenticationTelemetry.MeterName, AccountMetrics.MeterName, CognitoTelemetry.MeterName];
}
