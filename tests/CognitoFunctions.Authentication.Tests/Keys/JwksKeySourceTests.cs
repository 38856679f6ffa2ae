using System.Diagnostics.Metrics;
using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CognitoFunctions.Authentication.Tests.Keys;

/// <summary>
/// The JWKS behaviours against a real loopback server that counts its requests: one fetch under concurrency, the
/// penalty box, rotation, last-known-good keys, the timeout, the start-up prefetch and the periodic refresh. Time is
/// the harness's fake clock: nothing waits on the wall clock.
/// </summary>
public sealed class JwksKeySourceTests : IAsyncLifetime
{
    private AuthHarness _harness = null!;

    private JwksServer Server => _harness.Server;

    public async Task InitializeAsync() => _harness = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Concurrent_requests_before_any_keys_are_known_share_one_fetch()
    {
        Server.Hold(TestPools.PathA);
        var tokens = Enumerable.Range(0, 50).Select(i => TestToken.Id(_harness.Now).Set("jti", $"concurrent-{i}").Encode()).ToList();

        var validations = tokens.Select(t => Task.Run(() => _harness.ValidateAsync(t).AsTask())).ToList();
        await Server.WaitForRequestsAsync(TestPools.PathA, 1);
        Server.Release(TestPools.PathA);
        var results = await Task.WhenAll(validations);

        Assert.All(results, r => Assert.True(r.IsValid, r.Failure.ToString()));
        Assert.Equal(1, Server.Requests(TestPools.PathA));
    }

    [Fact]
    public async Task An_unknown_kid_causes_at_most_one_fetch_per_penalty_window_while_known_kids_keep_verifying()
    {
        await _harness.LoadKeysAsync();
        var unknown = TestToken.Id(_harness.Now, TestKey.Key3).Encode();

        // Inside the window that the load opened: rejected from memory.
        Assert.Equal(CognitoTokenFailure.UnknownKeyId, (await _harness.ValidateAsync(unknown)).Failure);
        Assert.Equal(1, Server.Requests(TestPools.PathA));

        // After it: one fetch, shared by every concurrent request that meets an unknown kid.
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var attempts = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => _harness.ValidateAsync(TestToken.Id(_harness.Now, TestKey.Key3).Set("jti", $"u{i}").Encode()).AsTask()))
            .ToList();
        var known = await _harness.ValidateAsync(TestToken.Access(_harness.Now).Encode());
        var results = await Task.WhenAll(attempts);

        Assert.True(known.IsValid);
        Assert.All(results, r => Assert.Equal(CognitoTokenFailure.UnknownKeyId, r.Failure));
        Assert.Equal(2, Server.Requests(TestPools.PathA));
        Assert.Equal(CognitoTokenFailure.UnknownKeyId, (await _harness.ValidateAsync(unknown)).Failure);
        Assert.Equal(2, Server.Requests(TestPools.PathA));
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_by_the_first_token_naming_it_once_the_window_has_passed()
    {
        await _harness.LoadKeysAsync();
        Server.Serve(TestPools.PathA, Jwks.PoolA(TestKey.Key3));
        var rotated = TestToken.Id(_harness.Now, TestKey.Key3).Encode();

        var early = await _harness.ValidateAsync(rotated);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var later = await _harness.ValidateAsync(rotated);

        Assert.Equal(CognitoTokenFailure.UnknownKeyId, early.Failure);
        Assert.True(later.IsValid);
        Assert.Equal(2, Server.Requests(TestPools.PathA));
        Assert.True((await _harness.ValidateAsync(TestToken.Id(_harness.Now).Encode())).IsValid);
    }

    [Fact]
    public async Task Keys_are_refreshed_periodically_and_a_removed_key_stops_validating_its_cached_tokens()
    {
        await _harness.LoadKeysAsync();
        var signedByKey1 = TestToken.Id(_harness.Now).Encode();
        var signedByKey2 = TestToken.Access(_harness.Now).Encode();
        Assert.True((await _harness.ValidateAsync(signedByKey1)).IsValid);
        Assert.True((await _harness.ValidateAsync(signedByKey2)).IsValid);
        Assert.True(_harness.Validator.TryGetCached(signedByKey1, out _));

        Server.Serve(TestPools.PathA, Jwks.Of(TestKey.Key2.Jwk()));
        await AdvanceToRefreshAsync();

        Assert.Equal(2, Server.Requests(TestPools.PathA));
        Assert.False(_harness.Validator.TryGetCached(signedByKey1, out _));
        Assert.Equal(CognitoTokenFailure.UnknownKeyId, (await _harness.ValidateAsync(signedByKey1)).Failure);
        Assert.True(_harness.Validator.TryGetCached(signedByKey2, out _));
        Assert.True((await _harness.ValidateAsync(signedByKey2)).IsValid);
    }

    [Fact]
    public async Task A_refresh_that_finds_the_same_keys_keeps_the_cached_tokens()
    {
        await _harness.LoadKeysAsync();
        var token = TestToken.Id(_harness.Now).Encode();
        var first = (await _harness.ValidateAsync(token)).Token;

        await AdvanceToRefreshAsync();

        Assert.Equal(2, Server.Requests(TestPools.PathA));
        Assert.True(_harness.Validator.TryGetCached(token, out var cached));
        Assert.Same(first, cached);
    }

    [Fact]
    public async Task The_last_good_keys_are_kept_while_the_JWKS_fails_and_the_failed_refresh_is_retried_once()
    {
        await _harness.LoadKeysAsync();
        Server.Fail(TestPools.PathA, 503, "try later");

        await AdvanceToRefreshAsync();

        Assert.Equal(3, Server.Requests(TestPools.PathA)); // the load, then one refresh tried twice
        Assert.True((await _harness.ValidateAsync(TestToken.Id(_harness.Now).Encode())).IsValid);
        Assert.Contains(_harness.Logs.Messages, m => m.Contains("keeping the 2 keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_JWKS_that_is_not_a_JWKS_does_not_replace_the_keys()
    {
        await _harness.LoadKeysAsync();
        Server.Serve(TestPools.PathA, "<html>maintenance</html>");

        await AdvanceToRefreshAsync();
        Server.Serve(TestPools.PathA, "{\"keys\":[]}");
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await JoinFetchAsync();

        Assert.Equal(3, Server.Requests(TestPools.PathA)); // invalid documents are not retried
        Assert.True((await _harness.ValidateAsync(TestToken.Id(_harness.Now).Encode())).IsValid);
    }

    [Fact]
    public async Task A_hanging_JWKS_fetch_is_abandoned_after_the_timeout_and_the_request_gets_keys_unavailable()
    {
        Server.Hold(TestPools.PathA);
        var pending = _harness.ValidateAsync(TestToken.Id(_harness.Now).Encode()).AsTask();
        await Server.WaitForRequestsAsync(TestPools.PathA, 1);

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CognitoTokenFailure.KeysUnavailable, result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(5), result.RetryAfter);
        Assert.Equal(1, Server.Requests(TestPools.PathA));
        Assert.Contains(_harness.Logs.Messages, m => m.Contains("(Timeout", StringComparison.Ordinal));
        Server.Release(TestPools.PathA);
    }

    [Fact]
    public async Task Without_keys_an_unreachable_JWKS_is_asked_again_only_once_per_window()
    {
        Server.Fail(TestPools.PathA, 404);
        var token = TestToken.Id(_harness.Now).Encode();

        var first = await _harness.ValidateAsync(token);
        var again = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _harness.ValidateAsync(token).AsTask()));

        Assert.Equal(CognitoTokenFailure.KeysUnavailable, first.Failure);
        Assert.All(again, r => Assert.Equal(CognitoTokenFailure.KeysUnavailable, r.Failure));
        Assert.Equal(1, Server.Requests(TestPools.PathA)); // 404 is not retried

        Server.Serve(TestPools.PathA, Jwks.PoolA());
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await JoinFetchAsync();

        Assert.True((await _harness.ValidateAsync(token)).IsValid);
        Assert.Equal(2, Server.Requests(TestPools.PathA));
    }

    [Fact]
    public async Task The_start_up_prefetch_fetches_every_pool_so_the_first_request_does_not_wait()
    {
        foreach (var service in _harness.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        await Server.WaitForRequestsAsync(TestPools.PathA, 1);
        await Server.WaitForRequestsAsync(TestPools.PathB, 1);
        await JoinFetchAsync();
        foreach (var pool in _harness.Registry.Pools)
        {
            if (pool.Keys.JoinOrStartFetch() is { } fetch)
            {
                await fetch;
            }
        }

        // Answered synchronously: the keys are there, nothing to wait for.
        var result = _harness.ValidateAsync(TestToken.Id(_harness.Now).Encode()).Completed();

        Assert.True(result.IsValid);
        Assert.Equal(1, Server.Requests(TestPools.PathA));
        Assert.Equal(1, Server.Requests(TestPools.PathB));
    }

    [Fact]
    public async Task Fetches_are_counted_by_pool_and_result()
    {
        var meters = _harness.Services.GetRequiredService<IMeterFactory>();
        using var fetches = new MetricCollector<long>(meters, AuthenticationMetrics.MeterName, "cognito.auth.jwks.fetches");
        Server.Fail(TestPools.PathB, 404);

        await _harness.LoadKeysAsync();

        var results = fetches.GetMeasurementSnapshot().Select(m => ((string)m.Tags["issuer"]!, (string)m.Tags["result"]!)).ToList();
        Assert.Contains((TestPools.IssuerA, "success"), results);
        Assert.Contains((TestPools.IssuerB, "http_error"), results);
    }

    [Fact]
    public async Task Each_pool_fetches_its_own_JWKS_only()
    {
        await _harness.ValidateAsync(TestToken.Id(_harness.Now, TestKey.Key4, TestPools.IssuerB, TestPools.ClientB1).Encode());

        Assert.Equal(1, Server.Requests(TestPools.PathB));
        Assert.Equal(0, Server.Requests(TestPools.PathA));
    }

    private async Task AdvanceToRefreshAsync()
    {
        _harness.Time.Advance(TimeSpan.FromSeconds(900));
        await JoinFetchAsync();
    }

    // The refresh timer starts its fetch as the fake clock passes it; joining the fetch in flight waits for it.
    private async Task JoinFetchAsync()
    {
        if (_harness.KeysA.JoinOrStartFetch() is { } fetch)
        {
            await fetch;
        }
    }
}
