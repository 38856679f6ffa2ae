namespace CognitoFunctions.Observability;

/// <summary>The app's activity sources and meters that the export subscribes to, by name.</summary>
internal static class TelemetryNames
{
    /// <summary>One span per Cognito operation (the Cognito client).</summary>
    public const string CognitoSource = "CognitoFunctions.Cognito";

    /// <summary>The middleware's JWKS fetches (the authentication package, System.Diagnostics alone).</summary>
    public const string AuthenticationSource = "CognitoFunctions.Authentication";

    /// <summary>The worker's span of each invocation, joined to the host's trace context.</summary>
    public const string WorkerSource = "Microsoft.Azure.Functions.Worker";

    public static readonly IReadOnlyList<string> Sources = [WorkerSource, CognitoSource, AuthenticationSource];

    public static readonly IReadOnlyList<string> Meters =
        ["CognitoFunctions.Authentication", "CognitoFunctions.Accounts", "CognitoFunctions.Cognito"];
}
