using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// A Kestrel server on 127.0.0.1 for one protocol, embedded in whatever process runs the host: it does not
/// take over Ctrl+C or SIGTERM, and its own warnings go to the host log.
/// </summary>
internal static class LoopbackServer
{
    public static WebApplicationBuilder CreateBuilder(int port, HttpProtocols protocols, HostLog log)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LoopbackServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new HostLogLoggerProvider(log));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols));
        return builder;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
