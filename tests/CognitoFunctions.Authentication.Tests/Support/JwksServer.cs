using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>
/// A real HTTP server on a free loopback port serving JWKS documents, counting the requests per path. A path can be
/// told to answer an error status or a body that is not JSON, or to hold its requests until released.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PathState> _paths = new(StringComparer.Ordinal);

    private JwksServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<JwksServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new JwksServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Answers 200 with this document from now on.</summary>
    public void Serve(string path, string json) => State(path).Respond(200, json);

    /// <summary>Answers this status and body from now on.</summary>
    public void Fail(string path, int status, string body = "") => State(path).Respond(status, body);

    /// <summary>Requests to the path wait (counted) until <see cref="Release"/>.</summary>
    public void Hold(string path) => State(path).Hold();

    public void Release(string path) => State(path).Release();

    public int Requests(string path) => State(path).Count;

    /// <summary>Completes once the path has received <paramref name="count"/> requests in all.</summary>
    public Task WaitForRequestsAsync(string path, int count) => State(path).WaitFor(count).WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        foreach (var state in _paths.Values)
        {
            state.Release();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private PathState State(string path) => _paths.GetOrAdd(path, _ => new PathState());

    private async Task HandleAsync(HttpContext context)
    {
        var state = State(context.Request.Path.Value ?? "/");
        if (state.Arrive() is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        // The answer in force when the request is released, so a test can change the document while it waits.
        var (status, body) = state.Answer;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private sealed class PathState
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
        private int _status = 404;
        private string _body = "";
        private TaskCompletionSource? _hold;

        public int Count { get; private set; }

        public void Respond(int status, string body)
        {
            lock (_gate)
            {
                (_status, _body) = (status, body);
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
                if (Count >= count)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, done));
                return done.Task;
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

        public Task? Arrive()
        {
            lock (_gate)
            {
                Count++;
                foreach (var waiter in _waiters.Where(w => w.Count <= Count).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }

                return _hold?.Task;
            }
        }
    }
}
