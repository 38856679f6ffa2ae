namespace CognitoFunctions.Authentication;

/// <summary>
/// Validates Cognito tokens against the trusted pools: the same checks the middleware applies, for callers outside
/// HTTP triggers (queues, SignalR, custom schemes). Registered by <c>AddCognitoAuthentication</c>; thread-safe.
/// </summary>
public interface ICognitoTokenValidator
{
    /// <summary>
    /// Validates a compact JWS: RS256 with a known <c>kid</c>, a trusted <c>iss</c>, <c>token_use</c> id or access,
    /// the pool's client in <c>aud</c> (ID tokens) or <c>client_id</c> (access tokens), <c>sub</c>, and <c>exp</c> /
    /// <c>nbf</c> within the clock skew. Claims are checked before the signature, and nothing is accepted before the
    /// signature holds. A token validated before is answered from memory until it expires or its key leaves the JWKS.
    /// </summary>
    /// <param name="token">The token, without any <c>Bearer</c> prefix.</param>
    /// <param name="cancellationToken">Cancels waiting for a JWKS fetch.</param>
    /// <returns>The validated token or the reason for rejection.</returns>
    ValueTask<CognitoTokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken = default);
}
