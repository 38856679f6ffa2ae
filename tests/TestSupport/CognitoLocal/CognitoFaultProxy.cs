using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.Loopback;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>A canned answer the proxy gives instead of forwarding: an HTTP status and a Cognito error type.</summary>
public sealed record CognitoFault(HttpStatusCode Status, string ErrorType, string Message = "injected by the test")
{
    /// <summary>A success answer with this JSON body instead of an error (for operations cognito-local lacks).</summary>
    public JsonObject? SuccessBody { get; init; }

    /// <summary>No answer at all: the request is held open until the client gives up (or the proxy stops).</summary>
    public bool Hangs { get; init; }

    /// <summary>No answer at all: the connection is closed as soon as the request has been read (and, with
    /// <see cref="AfterForwarding"/>, carried out).</summary>
    public bool Drops { get; init; }

    /// <summary>
    /// The request is carried out by cognito-local first and only its answer is replaced (or, with <see cref="Hangs"/>
    /// or <see cref="Drops"/>, lost): what a client sees when Cognito did the work but the answer never arrived.
    /// </summary>
    public bool AfterForwarding { get; init; }

    public static CognitoFault Success(JsonObject body) => new(HttpStatusCode.OK, "") { SuccessBody = body };

    /// <summary>Holds the request open without answering until the client gives up.</summary>
    public static CognitoFault Hang() => new(HttpStatusCode.GatewayTimeout, "") { Hangs = true };

    /// <summary>Closes the connection without answering.</summary>
    public static CognitoFault Drop() => new(HttpStatusCode.BadGateway, "") { Drops = true };
}

/// <summary>
/// A loopback proxy in front of cognito-local that forwards every Cognito call, except those a test told it to fail:
/// to show what the app does when one step of a flow fails, with everything else real.
/// </summary>
public sealed class CognitoFaultProxy : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<string, Func<JsonObject, CognitoFault?>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Operation, JsonObject? Body)> _calls = new();

    private CognitoFaultProxy(LoopbackServer server, HttpClient upstream)
    {
        _server = server;
        _upstream = upstream;
    }

    /// <summary>The proxy's address, to use as <c>Cognito__ServiceUrl</c>.</summary>
    public Uri Endpoint { get; private init; } = null!;

    /// <summary>The operations (X-Amz-Target without its prefix) the proxy received, with their bodies, in order.</summary>
    public IReadOnlyCollection<(string Operation, JsonObject? Body)> Calls => _calls;

    public static async Task<CognitoFaultProxy> StartAsync(Uri upstream)
    {
        CognitoFaultProxy? proxy = null;
        var server = await LoopbackServer.StartAsync(context => proxy!.HandleAsync(context));
        proxy = new CognitoFaultProxy(server, new HttpClient { BaseAddress = upstream }) { Endpoint = server.Address };
        return proxy;
    }

    /// <summary>
    /// Answers <paramref name="operation"/> with <paramref name="fault"/> whenever <paramref name="when"/> holds for its
    /// request body, until the returned handle is disposed (so tests sharing the proxy do not see each other's faults).
    /// </summary>
    public IDisposable Fail(string operation, CognitoFault fault, Func<JsonObject, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var applies = when ?? (_ => true);
        return Fail(operation, body => applies(body) ? fault : null);
    }

    /// <summary>
    /// Answers each <paramref name="operation"/> request with the fault <paramref name="choose"/> picks for its body
    /// (null: forward it), until the returned handle is disposed: e.g. a lost answer first, then the real one.
    /// </summary>
    public IDisposable Fail(string operation, Func<JsonObject, CognitoFault?> choose)
    {
        _faults[operation] = choose;
        return new Removal(() => _faults.TryRemove(new KeyValuePair<string, Func<JsonObject, CognitoFault?>>(operation, choose)));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream.Dispose();
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.LastIndexOf('.') + 1)..];
        var body = buffer.Length > 0 ? JsonNode.Parse(buffer.ToArray()) as JsonObject : null;
        _calls.Enqueue((operation, body));

        if (_faults.TryGetValue(operation, out var choose) && body is not null && choose(body) is { } fault)
        {
            if (fault.AfterForwarding)
            {
                using var discarded = await ForwardAsync(context, target, buffer.ToArray());
            }

            if (fault.Drops)
            {
                context.Abort();
                return;
            }

            if (fault.Hangs)
            {
                await HoldOpenAsync(context);
                return;
            }

            context.Response.StatusCode = (int)fault.Status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            var answer = fault.SuccessBody ?? new JsonObject { ["__type"] = fault.ErrorType, ["message"] = fault.Message };
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
            return;
        }

        using var response = await ForwardAsync(context, target, buffer.ToArray());
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, string target, byte[] body)
    {
        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(body),
        };
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        forward.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        // Not tied to the client's request: cognito-local completes the work even when the client gives up early.
        return await _upstream.SendAsync(forward, _server.Stopping);
    }

    // Ends when the client hangs up, or when the proxy stops (so that stopping does not wait for held requests).
    private async Task HoldOpenAsync(HttpContext context)
    {
        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, released.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
