using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// A JWKS endpoint on loopback that a test controls: it serves the document last published, or fails on request
/// (an HTTP error, no answer at all, or no listener: connection refused), and counts the requests it receives, so a
/// test can wait for the app's fetch instead of sleeping.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private LoopbackServer? _server;
    private string _document;
    private Behaviour _behaviour = Behaviour.Serve;
    private HttpStatusCode _failStatus;
    private int _requests;
    private long _lastRequestTimestamp;

    private JwksServer(string document) => _document = document;

    private enum Behaviour
    {
        Serve,
        Fail,
        Hang,
    }

    /// <summary>The JWKS address, e.g. <c>http://127.0.0.1:40123/jwks.json</c>; the same across <see cref="RefuseAsync"/>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>GET requests received so far, whatever they were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts serving <paramref name="document"/> (a JWKS JSON text) on a free loopback port.</summary>
    public static async Task<JwksServer> StartAsync(string document)
    {
        var server = new JwksServer(document);
        var port = await server.ListenAsync(0);
        server.Address = new Uri($"http://127.0.0.1:{port}/jwks.json");
        return server;
    }

    /// <summary>Serves <paramref name="document"/> from now on.</summary>
    public void Publish(string document)
    {
        lock (_gate)
        {
            _document = document;
        }
    }

    /// <summary>Answers every request with <paramref name="status"/> until the handle is disposed.</summary>
    public IDisposable Fail(HttpStatusCode status)
    {
        lock (_gate)
        {
            _failStatus = status;
            _behaviour = Behaviour.Fail;
        }

        return new Restore(this);
    }

    /// <summary>Holds every request open without answering until the handle is disposed (or the client gives up).</summary>
    public IDisposable Hang()
    {
        lock (_gate)
        {
            _behaviour = Behaviour.Hang;
        }

        return new Restore(this);
    }

    /// <summary>Stops listening, so connections are refused; disposing the handle listens again on the same port.</summary>
    public async Task<IAsyncDisposable> RefuseAsync()
    {
        await StopListeningAsync();
        return new Relisten(this);
    }

    /// <summary>Completes once <see cref="Requests"/> reaches <paramref name="count"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_requests >= count)
            {
                return;
            }

            _waiters.Add((count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The JWKS server received {Requests} requests within {timeout}, not {count}.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Reached == reached);
            }
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

    public async ValueTask DisposeAsync() => await StopListeningAsync();

    private async Task<int> ListenAsync(int port)
    {
        _server = await LoopbackServer.StartAsync(HandleAsync, port);
        return _server.Port;
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
        Behaviour behaviour;
        string document;
        HttpStatusCode failStatus;
        lock (_gate)
        {
            _requests++;
            Interlocked.Exchange(ref _lastRequestTimestamp, Stopwatch.GetTimestamp());
            foreach (var waiter in _waiters.Where(w => _requests >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }

            (behaviour, document, failStatus) = (_behaviour, _document, _failStatus);
        }

        switch (behaviour)
        {
            case Behaviour.Fail:
                context.Response.StatusCode = (int)failStatus;
                return;
            case Behaviour.Hang:
                using (var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server?.Stopping ?? new CancellationToken(canceled: true)))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, released.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        context.Abort();
                    }
                }

                return;
            default:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(document, context.RequestAborted);
                return;
        }
    }

    private sealed class Restore(JwksServer server) : IDisposable
    {
        public void Dispose()
        {
            lock (server._gate)
            {
                server._behaviour = Behaviour.Serve;
            }
        }
    }

    private sealed class Relisten(JwksServer server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await server.ListenAsync(server.Address.Port);
    }
}
