
namespace CognitoFunctions.Health;

/// <summary>
/// The readiness report of <c>GET /api/health</c>. Rules (also in the README):
/// <list type="bullet">
/// <item>JWKS: healthy when every trusted pool has keys cached; degraded when it has but its latest refresh failed
/// (the last good keys stay in use); unhealthy when a pool has none, since its tokens then get 503 (so also while
/// the start-up fetch is still under way).</item>
/// <item>Cognito: healthy when DescribeUserPool and DescribeUserPoolClient answer within the budget; degraded when
/// throttled; unhealthy when it is unreachable, times out, fails, or refuses a call (credentials, permissions, a
/// missing pool or app client: <c>user_pool_not_found</c>, <c>app_client_not_found</c>).</item>
/// <item>Overall: the worst of the two; unhealthy answers 503, healthy and degraded 200.</item>
/// </list>
/// </summary>
internal sealed class Readiness(ICognitoKeyStatus keys, CognitoReachability cognito)
{
    public async Task<HealthReport> CheckAsync()
    {
        var jwks = Jwks(keys.GetPools());
        var reachability = await cognito.CheckAsync();
        return new HealthReport(Worst(jwks.Status, reachability.Status), new HealthChecks(jwks, reachability));
    }

    internal static JwksHealth Jwks(IReadOnlyList<CognitoPoolKeyStatus> pools)
    {
        var status = HealthStatus.Healthy;
        foreach (var pool in pools)
        {
            status = Worst(status, pool.KeyCount == 0 ? HealthStatus.Unhealthy : pool.LastError is null ? HealthStatus.Healthy : HealthStatus.Degraded);
        }

        return new JwksHealth(
            status,
            pools.Sum(p => p.KeyCount),
            pools.Select(p => new PoolKeysHealth(p.Issuer, p.KeyCount, p.LastRefresh, p.LastError, p.LastErrorAt)).ToList());
    }

    internal static HealthStatus Worst(HealthStatus a, HealthStatus b) => a > b ? a : b;
}
