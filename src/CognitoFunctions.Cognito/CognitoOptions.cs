namespace CognitoFunctions.Cognito;

/// <summary>
/// The app's own user pool: configuration section <c>Cognito</c>, so <c>Cognito__UserPoolId</c> in
/// local.settings.json and in Azure app settings.
/// </summary>
public sealed class CognitoOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Cognito";

    /// <summary>AWS region of the user pool, e.g. <c>us-east-1</c>. Required.</summary>
    public string Region { get; set; } = "";

    /// <summary>The user pool id, e.g. <c>us-east-1_AbCdEf123</c>. Required.</summary>
    public string UserPoolId { get; set; } = "";

    /// <summary>The app client id. Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app client's secret, only when the client has one (then SECRET_HASH is sent). Optional.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Endpoint override, e.g. a cognito-local address for local runs. Optional; default
    /// <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/</c>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Address of the pool's JWKS. Optional; default <c>&lt;issuer&gt;/.well-known/jwks.json</c>.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>
    /// How long one attempt of a Cognito call may take before it is abandoned (and retried when the
    /// total allows). Optional; default 5 seconds (<c>00:00:05</c>).
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one Cognito call may take with all its retries. Optional; default 15 seconds (<c>00:00:15</c>).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Retries after a failed attempt (HTTP 5xx, network error, attempt timeout, throttling). Optional;
    /// default 3; 0 turns retries off.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The first retry's median delay; later ones grow exponentially, with jitter. Optional; default
    /// 200 milliseconds (<c>00:00:00.200</c>).
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>True when the app client has a secret, so requests carry SECRET_HASH.</summary>
    public bool HasClientSecret => !string.IsNullOrEmpty(ClientSecret);

    /// <summary>The Cognito endpoint the client calls: <see cref="ServiceUrl"/> or the region's.</summary>
    public Uri Endpoint => ServiceUrl ?? new Uri($"https://cognito-idp.{Region}.amazonaws.com/");
}
