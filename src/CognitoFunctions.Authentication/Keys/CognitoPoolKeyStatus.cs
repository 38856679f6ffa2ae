namespace CognitoFunctions.Authentication;

/// <summary>The signing keys of one trusted pool as the middleware holds them: no key material, nothing secret.</summary>
public sealed class CognitoPoolKeyStatus
{
    /// <summary>The pool's issuer, <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/&lt;UserPoolId&gt;</c>.</summary>
    public required string Issuer { get; init; }

    /// <summary>
    /// Usable RS256 keys cached from the pool's JWKS; 0 until a fetch succeeds, and then tokens of this pool are
    /// answered 503 because they cannot be checked.
    /// </summary>
    public required int KeyCount { get; init; }

    /// <summary>When the JWKS was last fetched successfully; null if it never was.</summary>
    public DateTimeOffset? LastRefresh { get; init; }

    /// <summary>
    /// Why the most recent fetch failed, or null when it succeeded (or none has ended yet). The same words as the
    /// <c>result</c> tag of the <c>cognito.auth.jwks.fetches</c> counter: <c>http_error</c>, <c>network_error</c>,
    /// <c>timeout</c>, <c>invalid_document</c>, <c>no_usable_keys</c>. The keys of the last good fetch stay in use.
    /// </summary>
    public string? LastError { get; init; }

    /// <summary>When the most recent fetch failed; null when <see cref="LastError"/> is.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }
}
