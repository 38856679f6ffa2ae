namespace CognitoFunctions.Authentication;

/// <summary>Reads each pool's key source; never starts a fetch.</summary>
internal sealed class CognitoKeyStatus(TrustedPoolRegistry pools) : ICognitoKeyStatus
{
    public IReadOnlyList<CognitoPoolKeyStatus> GetPools() =>
        pools.Pools.Select(pool => pool.Keys.Status()).ToArray();
}
