using CognitoFunctions.Testing.FunctionsHost.Rpc;
using CognitoFunctions.Testing.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The plain HTTP/1.1 listener clients call. Each request is routed to a function, sent to the worker as an
/// invocation and answered from its response. Where a client can tell, it behaves like the real host:
/// no matching function (unknown path or unlisted method) is 404 with an empty body; a body is read only when
/// Content-Length &gt; 0 (a chunked body arrives empty); a Content-Length over the body limit is a 500 with
/// <c>Connection: close</c>; a worker that cannot answer is a bare 500.
/// </summary>
internal sealed class HttpEdge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FunctionRouteTable _routes;
    private readonly WorkerConnection _connection;
    private readonly HostLog _log;
    private readonly long _bodyLimit;
    private readonly bool _workerHandlesCancel;

    private HttpEdge(WebApplication app, IEnumerable<HttpFunction> functions, string routePrefix, WorkerConnection connection, HostLog log, long bodyLimit, bool workerHandlesCancel)
    {
        _app = app;
        _routes = FunctionRouteTable.Build(functions, routePrefix, app.Services.GetRequiredService<IInlineConstraintResolver>());
        _connection = connection;
        _log = log;
        _bodyLimit = bodyLimit;
        _workerHandlesCancel = workerHandlesCancel;
        app.Run(HandleAsync);
    }

    public Uri BaseAddress => LoopbackServer.AddressOf(_app);

    public static async Task<HttpEdge> StartAsync(IEnumerable<HttpFunction> functions, string routePrefix, WorkerConnection connection, int port, long bodyLimit, bool workerHandlesCancel, HostLog log, CancellationToken cancellationToken)
    {
        var builder = LoopbackServer.CreateBuilder(port, HttpProtocols.Http1, new HostLogLoggerProvider(log));
        // The limit is the host's (checked against Content-Length below), not Kestrel's 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.AddRouting();
        var edge = new HttpEdge(builder.Build(), functions, routePrefix, connection, log, bodyLimit, workerHandlesCancel);
        await edge._app.StartAsync(cancellationToken);
        return edge;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var match = await _routes.MatchAsync(context);
        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = context.Request;
        if (request.ContentLength > _bodyLimit)
        {
            _log.Write($"[host] {request.Method} {request.Path}: Content-Length {request.ContentLength} is over the body limit of {_bodyLimit} bytes; answering 500");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers.Connection = "close";
            return;
        }

        var body = request.ContentLength > 0 ? new byte[request.ContentLength.Value] : [];
        if (body.Length > 0)
        {
            await request.Body.ReadExactlyAsync(body, context.RequestAborted);
        }

        var invocationId = Guid.NewGuid().ToString();
        var message = new StreamingMessage
        {
            InvocationRequest = InvocationRequestBuilder.Build(context, match, body, invocationId),
        };

        StreamingMessage reply;
        try
        {
            reply = await _connection.RequestAsync(message, ReplyKeys.Invocation(invocationId), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            TryCancel(match.Function, invocationId);
            return;
        }
        catch (WorkerConnectionClosedException ex)
        {
            _log.Write($"[host] {match.Function.Name}: {ex.Message}; answering 500");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await InvocationResponseWriter.WriteAsync(context, match.Function, reply.InvocationResponse, _log);
    }

    // Like the real host: a client that hangs up cancels the invocation, if the worker says it handles that.
    private void TryCancel(HttpFunction function, string invocationId)
    {
        if (!_workerHandlesCancel)
        {
            return;
        }

        _log.Write($"[host] the client of {function.Name} invocation {invocationId} hung up; sending InvocationCancel");
        try
        {
            _connection.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
        }
        catch (WorkerConnectionClosedException)
        {
        }
    }
}
