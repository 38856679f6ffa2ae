using CognitoFunctions.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The FunctionRpc service on a free loopback port, HTTP/2 only: the worker dials plain http:// with HTTP/2
/// prior knowledge, which an HTTP/1.1-capable listener would not accept.
/// </summary>
internal sealed class GrpcEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcEndpoint(WebApplication app)
    {
        _app = app;
        Port = LoopbackServer.AddressOf(app).Port;
    }

    public int Port { get; }

    public static async Task<GrpcEndpoint> StartAsync(WorkerConnection connection, HostLog log, CancellationToken cancellationToken)
    {
        var builder = LoopbackServer.CreateBuilder(0, HttpProtocols.Http2, new HostLogLoggerProvider(log));
        builder.Services.AddSingleton(connection);
        // Bodies travel inside gRPC messages: no cap of ours below the HTTP body limit.
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken);
        return new GrpcEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
