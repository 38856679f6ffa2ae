using Microsoft.Extensions.Hosting;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Starts fetching every pool's JWKS when the worker starts, without holding up its start: the fetch runs while the
/// host loads the functions, and a request that comes first joins it instead of starting another.
/// </summary>
internal sealed class JwksPrefetchService(TrustedPoolRegistry pools) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var pool in pools.Pools)
        {
            _ = pool.Keys.RefreshAsync();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
