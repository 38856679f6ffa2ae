namespace CognitoFunctions.Authentication;

/// <summary>
/// Settings of the Cognito authentication middleware: configuration section <c>CognitoAuth</c>, so
/// <c>CognitoAuth__ClockSkewSeconds</c> in local.settings.json and in Azure app settings. Validated when the host
/// starts; a wrong value stops the app with a message naming the setting.
/// </summary>
public sealed class CognitoAuthOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "CognitoAuth";

    /// <summary>
    /// Tolerance, in seconds, applied to <c>exp</c> and <c>nbf</c> for clocks that disagree slightly. Default 30,
    /// at most 300.
    /// </summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// The user pools whose tokens are accepted; a token's <c>iss</c> selects its pool. When empty, the pool the
    /// application supplies to <c>AddCognitoAuthentication</c> is trusted alone; with neither, the app does not start.
    /// </summary>
    public IList<CognitoTrustedPool> TrustedPools { get; } = new List<CognitoTrustedPool>();

    /// <summary>
    /// How many validated tokens are remembered so that a repeated token costs no signature check. Default 10,000
    /// (about 3 KB each); 0 turns the cache off.
    /// </summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>
    /// After a JWKS fetch, how long, in seconds, a token with an unknown <c>kid</c> is rejected from memory instead
    /// of causing another fetch (the penalty box). Also the retry interval while the JWKS is unreachable. Default 10.
    /// </summary>
    public int PenaltyWindowSeconds { get; set; } = 10;

    /// <summary>How often, in seconds, each pool's JWKS is fetched again to follow key rotation. Default 900.</summary>
    public int JwksRefreshIntervalSeconds { get; set; } = 900;

    /// <summary>Upper bound, in seconds, on one JWKS fetch including its single retry. Default 5.</summary>
    public int JwksFetchTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Whether every JWKS address must be https. Default <see langword="true"/>; <see langword="false"/> is allowed
    /// only in the Development environment (cognito-local serves its JWKS over http, and its signing key is public).
    /// </summary>
    public bool RequireHttpsJwks { get; set; } = true;

    /// <summary>The <c>realm</c> of the <c>WWW-Authenticate: Bearer</c> challenge. Default <c>cognito</c>.</summary>
    public string Realm { get; set; } = "cognito";

    /// <summary>Set when <see cref="TrustedPools"/> was empty and the application supplied its pool.</summary>
    internal bool UsesApplicationPool { get; set; }
}
