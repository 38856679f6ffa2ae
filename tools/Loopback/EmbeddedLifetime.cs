using Microsoft.Extensions.Hosting;

namespace CognitoFunctions.Testing.Loopback;

/// <summary>A host lifetime that waits for nothing and listens to no signals: whoever embeds the server stops it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
