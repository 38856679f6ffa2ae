using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Key rotation learnt from the periodic JWKS refresh alone, with no token causing a fetch. It waits for a refresh
/// (at least 60 s, the shortest interval allowed), so it is a long run: RELIABILITY_LONG=1.
/// </summary>
public sealed class KeyRotationByRefreshTests(ITestOutputHelper output)
{
    [LongFact]
    public async Task Tokens_of_a_removed_key_are_rejected_and_the_new_key_known_after_the_periodic_refresh()
    {
        // Started here rather than as a class fixture, so that a skipped run starts nothing.
        var fixture = new PeriodicRefreshAppFixture();
        await fixture.InitializeAsync();
        fixture.Log.Attach(output);
        try
        {
            var pool = fixture.Cognito.Pool;
            var oldToken = fixture.KeyA.Sign(PoolTokens.IdClaims(pool));
            await AssertStatusAsync(fixture, oldToken, HttpStatusCode.OK);

            var fetches = fixture.Jwks.Requests();
            fixture.Jwks.Publish(fixture.KeyB);
            await fixture.Jwks.WaitForRequestsAsync(fetches + 1, PeriodicRefreshAppFixture.RefreshInterval + TimeSpan.FromSeconds(30));
            var refreshed = fixture.Jwks.Requests();

            await AssertStatusAsync(fixture, oldToken, HttpStatusCode.Unauthorized);
            await AssertStatusAsync(fixture, fixture.KeyA.Sign(PoolTokens.IdClaims(pool)), HttpStatusCode.Unauthorized);
            await AssertStatusAsync(fixture, fixture.KeyB.Sign(PoolTokens.IdClaims(pool)), HttpStatusCode.OK);
            Assert.Equal(refreshed, fixture.Jwks.Requests());
        }
        finally
        {
            fixture.Log.Detach();
            await fixture.DisposeAsync();
        }
    }

    private static async Task AssertStatusAsync(PeriodicRefreshAppFixture fixture, string token, HttpStatusCode expected)
    {
        using var response = await fixture.Client.GetAsync("/api/user/private", token);
        Assert.Equal(expected, response.StatusCode);
    }
}
