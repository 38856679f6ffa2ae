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
/// <c>Connection: close</c>; a worker that cannot answer is a bare 500. A worker in ASP.NET Core integration mode
/// (it advertised <c>HttpUri</c>) gets the minimal invocation and the request itself on its own server
/// (<see cref="WorkerHttpForwarder"/>); its server's answer is relayed to the client.
/// </summary>
internal sealed class HttpEdge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FunctionRouteTable _routes;
    private readonly WorkerConnection _connection;
    private readonly HostLog _log;
    private readonly long _bodyLimit;
    private readonly bool _workerHandlesCancel;
    private readonly WorkerHttpForwarder? _forwarder;
    private readonly bool _requiresRouteParameters;

    private HttpEdge(WebApplication app, IEnumerable<HttpFunction> functions, string routePrefix, WorkerConnection connection, HostLog log, long bodyLimit, bool workerHandlesCancel, WorkerHttpForwarder? forwarder, bool requiresRouteParameters)
    {
        _forwarder = forwarder;
        _requiresRouteParameters = requiresRouteParameters;
        _app = app;
        _routes = FunctionRouteTable.Build(functions, routePrefix, app.Services.GetRequiredService<IInlineConstraintResolver>());
        _connection = connection;
        _log = log;
        _bodyLimit = bodyLimit;
        _workerHandlesCancel = workerHandlesCancel;
        app.Run(HandleAsync);
    }

    public Uri BaseAddress => LoopbackServer.AddressOf(_app);

    public static async Task<HttpEdge> StartAsync(IEnumerable<HttpFunction> functions, string routePrefix, WorkerConnection connection, int port, long bodyLimit, bool workerHandlesCancel, WorkerHttpForwarder? forwarder, bool requiresRouteParameters, HostLog log, CancellationToken cancellationToken)
    {
        var builder = LoopbackServer.CreateBuilder(port, HttpProtocols.Http1, new HostLogLoggerProvider(log));
        // The limit is the host's (checked against Content-Length below), not Kestrel's 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.AddRouting();
        var edge = new HttpEdge(builder.Build(), functions, routePrefix, connection, log, bodyLimit, workerHandlesCancel, forwarder, requiresRouteParameters);
        await edge._app.StartAsync(cancellationToken);
        return edge;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forwarder?.Dispose();
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
        if (_forwarder is not null)
        {
            await ForwardAsync(context, _forwarder, match, body, invocationId);
            return;
        }

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

    private async Task ForwardAsync(HttpContext context, WorkerHttpForwarder forwarder, FunctionMatch match, byte[] body, string invocationId)
    {
        var aborted = context.RequestAborted;
        var message = new StreamingMessage
        {
            InvocationRequest = InvocationRequestBuilder.BuildForwarded(context, match, body, invocationId, _requiresRouteParameters),
        };

        // As the real host does: the forward starts before the invocation is sent; the worker pairs them by invocation id.
        var forward = forwarder.SendAsync(context, body, invocationId, aborted);
        var reply = _connection.RequestAsync(message, ReplyKeys.Invocation(invocationId), aborted);
        _ = reply.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        HttpResponseMessage answer;
        try
        {
            answer = await forward;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            TryCancel(match.Function, invocationId);
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            _log.Write($"[host] {match.Function.Name}: forwarding invocation {invocationId} to the worker's server {forwarder.WorkerUri} failed ({ex.Message}); answering 500");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            TryCancel(match.Function, invocationId);
            return;
        }

        using (answer)
        {
            byte[] answerBody;
            StreamingMessage replied;
            try
            {
                answerBody = await WorkerHttpForwarder.ReadBodyAsync(answer, aborted);
                replied = await reply;
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                TryCancel(match.Function, invocationId);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or WorkerConnectionClosedException)
            {
                _log.Write($"[host] {match.Function.Name} invocation {invocationId}: {ex.Message}; answering 500");
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            // As the real host does: a failed invocation is a bare 500, whatever the worker's server answered for it.
            var invocation = replied.InvocationResponse;
            if (invocation.Result?.Status != StatusResult.Types.Status.Success)
            {
                var why = invocation.Result?.Exception is { } exception ? RpcLogFormatter.Describe(exception) : invocation.Result?.Result;
                _log.Write($"[host] {match.Function.Name} invocation {invocationId} failed ({invocation.Result?.Status}): {why}; answering 500 instead of the worker server's {(int)answer.StatusCode}");
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await WorkerHttpForwarder.RelayAsync(answer, answerBody, context.Response, aborted);
        }
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
