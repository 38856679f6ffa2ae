using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Testing.Loopback;

/// <summary>
/// A Kestrel server on 127.0.0.1, embedded in whatever process runs it: it does not take over Ctrl+C or SIGTERM, and
/// logs nowhere unless given a logger. <see cref="StartAsync"/> answers every request with one delegate (the base of
/// the JWKS server, the fault proxy and the tests' fakes); <see cref="CreateBuilder"/> is the same server for a caller
/// that adds its own services and routes (the functions test host's gRPC and HTTP endpoints). Port 0 lets the system
/// choose a free one.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app)
    {
        _app = app;
        Address = AddressOf(app);
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Its port.</summary>
    public int Port => Address.Port;

    /// <summary>Signalled when the server starts stopping: handlers that hold a request open end on it.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, int port = 0)
    {
        var app = CreateBuilder(port, HttpProtocols.Http1AndHttp2).Build();
        app.Run(handler);
        await app.StartAsync();
        return new LoopbackServer(app);
    }

    /// <summary>A builder for a loopback server on <paramref name="port"/> speaking <paramref name="protocols"/>, its warnings sent to <paramref name="logs"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(int port, HttpProtocols protocols, ILoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoopbackServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols));
        return builder;
    }

    /// <summary>The base address a started server listens on, ending in a slash.</summary>
    public static Uri AddressOf(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        // Hanging handlers end with the connections: StopAsync aborts them once its token expires.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
