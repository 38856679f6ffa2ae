namespace CognitoFunctions.Authentication;

/// <summary>
/// Settings of the Cognito authentication middleware: configuration section <c>CognitoAuth</c>, so
/// <c>CognitoAuth__ClockSkew</c> in local.settings.json and in Azure app settings. Validated when the host
/// starts; a wrong value stops the app with a message naming the setting.
/// </summary>
public sealed class CognitoAuthOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "CognitoAuth";

    /// <summary>
    /// Tolerance applied to <c>exp</c> and <c>nbf</c> for clocks that disagree slightly. Default 30 seconds
    /// (<c>00:00:30</c>), at most 5 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

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
    /// After a JWKS fetch, how long a token with an unknown <c>kid</c> is rejected from memory instead of causing
    /// another fetch (the penalty box). Also the retry interval while the JWKS is unreachable. Default 10 seconds
    /// (<c>00:00:10</c>), from 1 second to 1 hour.
    /// </summary>
    public TimeSpan PenaltyWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often each pool's JWKS is fetched again to follow key rotation. Default 15 minutes (<c>00:15:00</c>),
    /// from 1 minute to 1 day.
    /// </summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Upper bound on one JWKS fetch including its single retry. Default 5 seconds (<c>00:00:05</c>), from 1 second
    /// to 1 minute.
    /// </summary>
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether every JWKS address must be https. Default <see langword="true"/>; <see langword="false"/> is allowed
    /// only in the Development environment (cognito-local serves its JWKS over http, and its signing key is public).
    /// </summary>
    public bool RequireHttpsJwks { get; set; } = true;

    /// <summary>
    /// On functions marked <c>[RequireCognitoToken(CheckRevocation = true)]</c>: how long Cognito's answer that an access
    /// token is still good is remembered for that token, so a revocation (sign-out everywhere, a revoked refresh token,
    /// a deleted or disabled user) is seen at most this long after it happened. Default 30 seconds (<c>00:00:30</c>),
    /// from 1 second to 5 minutes.
    /// </summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Upper bound on one revocation check (Cognito's <c>GetUser</c>); when Cognito has not answered by then the request
    /// gets 503. Default 3 seconds (<c>00:00:03</c>), from 1 second to 30 seconds.
    /// </summary>
    public TimeSpan RevocationCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The <c>realm</c> of the <c>WWW-Authenticate: Bearer</c> challenge. Default <c>cognito</c>.</summary>
    public string Realm { get; set; } = "cognito";

    /// <summary>
    /// Settings of earlier versions, counted in seconds, and the durations that replaced them: one of these in
    /// configuration stops the app with a message naming the new setting.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> RenamedSettings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ClockSkewSeconds"] = nameof(ClockSkew),
        ["PenaltyWindowSeconds"] = nameof(PenaltyWindow),
        ["JwksRefreshIntervalSeconds"] = nameof(JwksRefreshInterval),
        ["JwksFetchTimeoutSeconds"] = nameof(JwksFetchTimeout),
    };

    /// <summary>Set when <see cref="TrustedPools"/> was empty and the application supplied its pool.</summary>
    internal bool UsesApplicationPool { get; set; }
}
