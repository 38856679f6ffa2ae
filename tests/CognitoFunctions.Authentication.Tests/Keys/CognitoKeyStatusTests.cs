using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Authentication.Tests.Keys;

/// <summary>The read-only key status a health check sees: counts and times per pool, never a fetch of its own.</summary>
public sealed class CognitoKeyStatusTests : IAsyncLifetime
{
    private AuthHarness _harness = null!;

    private ICognitoKeyStatus Status => _harness.Services.GetRequiredService<ICognitoKeyStatus>();

    public async Task InitializeAsync() => _harness = await AuthHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void Before_any_fetch_every_pool_is_listed_in_configuration_order_with_no_keys_and_reading_it_fetches_nothing()
    {
        var pools = Status.GetPools();

        Assert.Equal([TestPools.IssuerA, TestPools.IssuerB], pools.Select(p => p.Issuer));
        Assert.All(pools, p =>
        {
            Assert.Equal(0, p.KeyCount);
            Assert.Null(p.LastRefresh);
            Assert.Null(p.LastError);
            Assert.Null(p.LastErrorAt);
        });
        Assert.Equal(0, _harness.Server.Requests(TestPools.PathA));
        Assert.Equal(0, _harness.Server.Requests(TestPools.PathB));

        // A fetch runs on the thread pool, so its request may not have arrived yet: its start is what tells.
        Assert.All(_harness.Registry.Pools, p => Assert.False(p.Keys.HasStartedFetch));
    }

    [Fact]
    public async Task A_successful_fetch_reports_the_usable_keys_and_when_they_came()
    {
        _harness.Server.Serve(TestPools.PathA, Jwks.PoolA(TestKey.Key3));

        await _harness.LoadKeysAsync();

        var poolA = Status.GetPools()[0];
        Assert.Equal(3, poolA.KeyCount);
        Assert.Equal(AuthHarness.Start, poolA.LastRefresh);
        Assert.Null(poolA.LastError);
        Assert.Equal(1, Status.GetPools()[1].KeyCount);
    }

    [Fact]
    public async Task A_failed_refresh_is_reported_beside_the_keys_still_in_use_until_a_fetch_succeeds_again()
    {
        await _harness.LoadKeysAsync();
        _harness.Server.Fail(TestPools.PathA, 404);
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        await _harness.KeysA.RefreshAsync();
        var failed = Status.GetPools()[0];

        Assert.Equal(2, failed.KeyCount);
        Assert.Equal(AuthHarness.Start, failed.LastRefresh);
        Assert.Equal("http_error", failed.LastError);
        Assert.Equal(AuthHarness.Start.AddMinutes(1), failed.LastErrorAt);

        _harness.Server.Serve(TestPools.PathA, Jwks.PoolA());
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await _harness.KeysA.RefreshAsync();
        var recovered = Status.GetPools()[0];

        Assert.Equal(AuthHarness.Start.AddMinutes(2), recovered.LastRefresh);
        Assert.Null(recovered.LastError);
        Assert.Null(recovered.LastErrorAt);
    }

    [Fact]
    public async Task A_pool_whose_JWKS_never_answered_has_no_keys_and_says_why()
    {
        _harness.Server.Fail(TestPools.PathB, 200, "<html>not a key set</html>");

        await _harness.LoadKeysAsync();

        var poolB = Status.GetPools()[1];
        Assert.Equal(0, poolB.KeyCount);
        Assert.Null(poolB.LastRefresh);
        Assert.Equal("invalid_document", poolB.LastError);
    }
}
