namespace CognitoFunctions.Authentication;

/// <summary>
/// What the middleware holds of each trusted pool's signing keys, for health checks and diagnostics: read-only, and
/// cheap enough to call on every probe (it never fetches). Registered by <c>AddCognitoAuthentication</c>.
/// </summary>
public interface ICognitoKeyStatus
{
    /// <summary>One entry per trusted pool, in configuration order, as of this call.</summary>
    /// <returns>A snapshot; later fetches do not change it.</returns>
    IReadOnlyList<CognitoPoolKeyStatus> GetPools();
}
