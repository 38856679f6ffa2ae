namespace CognitoFunctions.LocalRun;

/// <summary>The request that tells whether an app under func start answers yet, and which answer counts.</summary>
/// <param name="Path">Relative to the app's base address.</param>
/// <param name="AnyAnswer">Whether any HTTP status counts, or only 200.</param>
internal sealed record ReadinessProbe(string Path, bool AnyAnswer)
{
    /// <summary>
    /// CognitoFunctions' readiness check, <c>GET /api/health</c>: 200 once the pool's signing keys are cached and
    /// Cognito answers.
    /// </summary>
    public static ReadinessProbe AppHealth { get; } = new("api/health", AnyAnswer: false);

    /// <summary>
    /// Another app has no known readiness route: the host answering at its root (its home page, whatever the status)
    /// means it is up, since the real host holds every request until its script host is initialized.
    /// </summary>
    public static ReadinessProbe HostAnswers { get; } = new("", AnyAnswer: true);
}
