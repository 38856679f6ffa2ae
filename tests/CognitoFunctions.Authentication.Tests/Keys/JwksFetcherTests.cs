using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Authentication.Tests.Keys;

/// <summary>One JWKS fetch against a real loopback server: what is retried (once), what is not, and the time budget.</summary>
public sealed class JwksFetcherTests : IAsyncLifetime, IDisposable
{
    private const string Path = "/pool/.well-known/jwks.json";
    private readonly FakeTimeProvider _time = new();
    private readonly SocketsHttpHandler _handler = new();
    private JwksServer _server = null!;

    public async Task InitializeAsync() => _server = await JwksServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _handler.Dispose();

    // The test's client is shared across fetches; the fetcher disposes each one it is given, which leaves the handler.
    private JwksFetcher Fetcher => new(() => new HttpClient(_handler, disposeHandler: false), _time);

    [Fact]
    public async Task A_document_is_fetched_with_one_request()
    {
        _server.Serve(Path, Jwks.PoolB());

        var result = await Fetcher.FetchAsync(_server.Url(Path), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(JwksFetchOutcome.Success, result.Outcome);
        Assert.Equal(Jwks.PoolB(), result.Document);
        Assert.Equal(1, _server.Requests(Path));
    }

    [Theory]
    [InlineData(404, 1)]
    [InlineData(403, 1)]
    [InlineData(301, 1)]
    [InlineData(500, 2)]
    [InlineData(503, 2)]
    [InlineData(429, 2)]
    [InlineData(408, 2)]
    public async Task An_error_status_is_retried_once_only_when_it_may_pass(int status, int requests)
    {
        _server.Fail(Path, status);

        var result = await Fetcher.FetchAsync(_server.Url(Path), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(JwksFetchOutcome.HttpError, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(requests, _server.Requests(Path));
    }

    [Fact]
    public async Task A_document_larger_than_any_JWKS_is_refused_unread()
    {
        _server.Serve(Path, "{\"keys\":[],\"padding\":\"" + new string('x', JwksFetcher.MaxDocumentBytes) + "\"}");

        var result = await Fetcher.FetchAsync(_server.Url(Path), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(JwksFetchOutcome.InvalidDocument, result.Outcome);
        Assert.Equal(1, _server.Requests(Path));
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_error()
    {
        var port = FreePort();

        var result = await Fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/jwks.json"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(JwksFetchOutcome.NetworkError, result.Outcome);
        Assert.IsType<HttpRequestException>(result.Error);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_given_up_when_the_budget_runs_out()
    {
        _server.Hold(Path);
        _server.Serve(Path, Jwks.PoolB());

        var fetch = Fetcher.FetchAsync(_server.Url(Path), TimeSpan.FromSeconds(3), CancellationToken.None);
        await _server.WaitForRequestsAsync(Path, 1);
        _time.Advance(TimeSpan.FromSeconds(3));
        var result = await fetch.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JwksFetchOutcome.Timeout, result.Outcome);
        Assert.Equal(1, _server.Requests(Path));
        _server.Release(Path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
