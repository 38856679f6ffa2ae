using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CognitoFunctions.Testing.Loopback;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>
/// A JWKS endpoint on loopback that a test controls, counting the requests per path so that a test waits for a fetch
/// instead of sleeping. Each path answers what it was told (a document, an error status, a body that is not JSON; a
/// path never told answers 404), holds its requests until released, or holds them with no answer at all. Started with
/// a document, the server serves it at <see cref="Address"/> (<c>/jwks.json</c>), where it can also be made to fail
/// for a while or to refuse connections.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    /// <summary>The path of <see cref="Address"/>.</summary>
    public const string DocumentPath = "/jwks.json";

    private readonly ConcurrentDictionary<string, PathState> _paths = new(StringComparer.Ordinal);
    private LoopbackServer? _server;
    private long _lastRequestTimestamp;

    private JwksServer()
    {
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:40123/</c>; the same across <see cref="RefuseAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The address of the document given at start: <see cref="DocumentPath"/> under <see cref="BaseAddress"/>.</summary>
    public Uri Address => Url(DocumentPath);

    /// <summary>Starts a server on a free loopback port with no path configured.</summary>
    public static async Task<JwksServer> StartAsync()
    {
        var server = new JwksServer();
        await server.ListenAsync(0);
        return server;
    }

    /// <summary>Starts serving <paramref name="document"/> (a JWKS JSON text) at <see cref="Address"/>.</summary>
    public static async Task<JwksServer> StartAsync(string document)
    {
        var server = await StartAsync();
        server.Publish(document);
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Answers 200 with this document at <paramref name="path"/> from now on.</summary>
    public void Serve(string path, string json) => State(path).Respond(200, json);

    /// <summary>Serves <paramref name="document"/> at <see cref="Address"/> from now on (after any <see cref="Fail(HttpStatusCode)"/> ends).</summary>
    public void Publish(string document) => Serve(DocumentPath, document);

    /// <summary>Serves the public keys of <paramref name="keys"/> at <see cref="Address"/> from now on.</summary>
    public void Publish(params TestKey[] keys) => Publish(Jwks.Of(keys));

    /// <summary>Answers this status and body at <paramref name="path"/> from now on.</summary>
    public void Fail(string path, int status, string body = "") => State(path).Respond(status, body);

    /// <summary>Answers every request to <see cref="Address"/> with <paramref name="status"/> and no body until the handle is disposed.</summary>
    public IDisposable Fail(HttpStatusCode status)
    {
        var state = State(DocumentPath);
        state.Override(Outage.Fail, status);
        return new Restore(state);
    }

    /// <summary>Holds every request to <see cref="Address"/> open without answering until the handle is disposed (or the client gives up).</summary>
    public IDisposable Hang()
    {
        var state = State(DocumentPath);
        state.Override(Outage.Hang, 0);
        return new Restore(state);
    }

    /// <summary>Requests to the path wait (counted) until <see cref="Release"/>, then get the answer in force.</summary>
    public void Hold(string path) => State(path).Hold();

    public void Release(string path) => State(path).Release();

    /// <summary>Stops listening, so connections are refused; disposing the handle listens again on the same port.</summary>
    public async Task<IAsyncDisposable> RefuseAsync()
    {
        await StopListeningAsync();
        return new Relisten(this);
    }

    /// <summary>Requests received at <paramref name="path"/> so far, whatever they were answered.</summary>
    public int Requests(string path = DocumentPath) => State(path).Count;

    /// <summary>Completes once the path has received <paramref name="count"/> requests in all; fails after 30 seconds.</summary>
    public Task WaitForRequestsAsync(string path, int count) => State(path).WaitFor(count).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Completes once <see cref="Address"/> has received <paramref name="count"/> requests; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        try
        {
            await State(DocumentPath).WaitFor(count).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The JWKS server received {Requests()} requests within {timeout}, not {count}.");
        }
    }

    /// <summary>
    /// Completes once no request has arrived for <paramref name="quiet"/>: for a test that must let the app's JWKS
    /// penalty window (a span of time, with no event to wait for) run out; fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRequestTimestamp)) < quiet)
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The JWKS server kept receiving requests for {timeout}; it was never quiet for {quiet}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var state in _paths.Values)
        {
            state.Release();
        }

        await StopListeningAsync();
    }

    private PathState State(string path) => _paths.GetOrAdd(path, _ => new PathState());

    private async Task ListenAsync(int port)
    {
        _server = await LoopbackServer.StartAsync(HandleAsync, port);
        BaseAddress = _server.Address;
    }

    private async Task StopListeningAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Exchange(ref _lastRequestTimestamp, Stopwatch.GetTimestamp());
        var state = State(context.Request.Path.Value ?? "/");
        var (gate, outage, outageStatus) = state.Arrive();
        if (outage == Outage.Hang)
        {
            await HoldOpenAsync(context);
            return;
        }

        if (outage == Outage.Fail)
        {
            context.Response.StatusCode = (int)outageStatus;
            return;
        }

        if (gate is not null)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        // The answer in force when the request is released, so a test can change the document while it waits.
        var (status, body) = state.Answer;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    // Ends when the client hangs up, or when the server stops (so that stopping does not wait for held requests).
    private async Task HoldOpenAsync(HttpContext context)
    {
        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server?.Stopping ?? new CancellationToken(canceled: true));
        try
        {
            await Task.Delay(Timeout.Infinite, released.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }

    private enum Outage
    {
        None,
        Fail,
        Hang,
    }

    private sealed class PathState
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
        private int _status = 404;
        private string _body = "";
        private TaskCompletionSource? _hold;
        private Outage _outage;
        private HttpStatusCode _outageStatus;
        private int _count;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        public (int Status, string Body) Answer
        {
            get
            {
                lock (_gate)
                {
                    return (_status, _body);
                }
            }
        }

        public void Respond(int status, string body)
        {
            lock (_gate)
            {
                (_status, _body) = (status, body);
            }
        }

        public void Override(Outage outage, HttpStatusCode status)
        {
            lock (_gate)
            {
                (_outage, _outageStatus) = (outage, status);
            }
        }

        public void Hold()
        {
            lock (_gate)
            {
                _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _hold?.TrySetResult();
                _hold = null;
            }
        }

        public Task WaitFor(int count)
        {
            lock (_gate)
            {
                if (_count >= count)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, done));
                return done.Task;
            }
        }

        public (Task? Gate, Outage Outage, HttpStatusCode OutageStatus) Arrive()
        {
            lock (_gate)
            {
                _count++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _count).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }

                return (_hold?.Task, _outage, _outageStatus);
            }
        }
    }

    private sealed class Restore(PathState state) : IDisposable
    {
        public void Dispose() => state.Override(Outage.None, 0);
    }

    private sealed class Relisten(JwksServer server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await server.ListenAsync(server.BaseAddress.Port);
    }
}
