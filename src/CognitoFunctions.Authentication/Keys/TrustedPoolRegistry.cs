using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>The trusted pools of the validated options, each with its own JWKS key source.</summary>
internal sealed class TrustedPoolRegistry : IDisposable
{
    internal const string HttpClientName = "CognitoFunctions.Authentication.Jwks";

    private readonly TrustedPool[] _pools;

    public TrustedPoolRegistry(
        IOptions<CognitoAuthOptions> options,
        IHttpClientFactory httpClients,
        TimeProvider time,
        ValidatedTokenCache cache,
        AuthenticationMetrics metrics,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var fetcher = new JwksFetcher(() => httpClients.CreateClient(HttpClientName), time);
        var logger = loggers.CreateLogger("CognitoFunctions.Authentication.Jwks");
        _pools = settings.TrustedPools
            .Select(pool => new TrustedPool(
                pool.Issuer,
                pool.ClientIds.ToArray(),
                new JwksKeySource(pool.Issuer, pool.EffectiveJwksUri, fetcher, time, settings, metrics, logger, cache.RemoveSignedBy)))
            .ToArray();
    }

    public IReadOnlyList<TrustedPool> Pools => _pools;

    public void Dispose()
    {
        foreach (var pool in _pools)
        {
            pool.Keys.Dispose();
        }
    }
}
