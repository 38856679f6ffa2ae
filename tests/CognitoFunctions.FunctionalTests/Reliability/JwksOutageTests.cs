using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.FunctionalTests.Authentication;
using CognitoFunctions.Testing.CognitoLocal;
using static CognitoFunctions.FunctionalTests.Reliability.ReliabilityAssertions;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// The JWKS failing after the app has its keys: tokens of those keys keep passing, new ones included (not only
/// tokens already in the validated-token cache), and the app keeps answering while it retries the fetch.
/// </summary>
public sealed class JwksOutageTests(JwksOutageAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<JwksOutageAppFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    // A key the JWKS never lists: a token signed with it makes the app fetch the JWKS (once per penalty window).
    private static readonly TestKey UnknownKey = new("not-in-the-jwks");

    private JwksServer Jwks => ((JwksOutageAppFixture)Fixture).Jwks;

    [Fact]
    public async Task Valid_tokens_keep_passing_on_the_cached_keys_while_the_JWKS_answers_500()
    {
        var warm = await WarmUpAsync();

        using (Jwks.Fail(HttpStatusCode.InternalServerError))
        {
            var before = Jwks.Requests();
            await SendUnknownKidUntilAsync(() => Jwks.Requests() > before);

            // A failed fetch is tried again every penalty window in the background, and still fails.
            await Jwks.WaitForRequestsAsync(Jwks.Requests() + 1, WaitLimit);

            await AssertFreshTokensPassAsync();
            await AssertPassesAsync(warm);
        }
    }

    [Fact]
    public async Task Valid_tokens_keep_passing_on_the_cached_keys_while_the_JWKS_refuses_connections()
    {
        var warm = await WarmUpAsync();

        await using (await Jwks.RefuseAsync())
        {
            var refused = Fixture.Log.WaitForLineAsync(
                line => line.Contains("Fetching the JWKS", StringComparison.Ordinal) && line.Contains("NetworkError", StringComparison.Ordinal),
                WaitLimit);
            await SendUnknownKidUntilAsync(() => refused.IsCompleted);
            await refused;

            await AssertFreshTokensPassAsync();
            await AssertPassesAsync(warm);
        }
    }

    [Fact]
    public async Task A_hanging_JWKS_holds_up_no_token_of_a_known_key_and_an_unknown_kid_only_until_the_fetch_timeout()
    {
        await WarmUpAsync();
        await Jwks.WaitUntilQuietAsync(JwksServerAppFixture.PenaltyWindow + TimeSpan.FromMilliseconds(200), WaitLimit);
        // Made before the hang (a user and a login on cognito-local take a while): during the hanging fetch only
        // the app's own answers run, far inside the 5-second JwksFetchTimeout, however slow the machine.
        var loggedIn = await RealLoginTokenAsync();
        var signed = CognitoLocalSigner.Sign(PoolTokens.IdClaims(Fixture.Cognito.Pool));

        using (Jwks.Hang())
        {
            var before = Jwks.Requests();
            var unknownKid = TimedAsync(() => Client.GetAsync("/api/user/private", UnknownKey.Sign(PoolTokens.IdClaims(Fixture.Cognito.Pool))));
            await Jwks.WaitForRequestsAsync(before + 1, WaitLimit);

            // While that fetch hangs, a new token of a known key is answered, and the unknown kid still waits.
            await AssertPassesAsync(loggedIn);
            Assert.False(unknownKid.IsCompleted, "the request with an unknown kid did not wait for the fetch");
            await AssertPassesAsync(signed);

            var (response, elapsed) = await unknownKid;
            using (response)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }

            // JwksFetchTimeout (default 5 seconds) bounds the wait; the rest is margin for a busy machine.
            Assert.True(elapsed < TimeSpan.FromSeconds(5 + 5), $"a request waiting for a hanging JWKS took {elapsed.TotalSeconds:F1} s");
        }
    }

    private async Task<string> WarmUpAsync()
    {
        var token = await RealLoginTokenAsync();
        await AssertPassesAsync(token);
        return token;
    }

    // New token strings, so none can come from the validated-token cache: each needs the cached signing key.
    private async Task AssertFreshTokensPassAsync()
    {
        await AssertPassesAsync(await RealLoginTokenAsync());
        await AssertPassesAsync(CognitoLocalSigner.Sign(PoolTokens.IdClaims(Fixture.Cognito.Pool)));
    }

    private async Task<string> RealLoginTokenAsync()
    {
        var email = AccountClient.NewEmail("jwks-outage");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        return (await Fixture.Cognito.LogInAsync(email, AccountClient.Password))["IdToken"]!.GetValue<string>();
    }

    private async Task AssertPassesAsync(string token)
    {
        using var response = await Client.GetAsync("/api/user/private", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The app fetches on an unknown kid at most once per penalty window; polled, bounded, until the fetch is seen.
    private async Task SendUnknownKidUntilAsync(Func<bool> fetched)
    {
        using var deadline = new CancellationTokenSource(WaitLimit);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            using var response = await Client.GetAsync("/api/user/private", UnknownKey.Sign(PoolTokens.IdClaims(Fixture.Cognito.Pool)));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            if (fetched())
            {
                return;
            }
        }
        while (await poll.WaitForNextTickAsync(deadline.Token));
    }
}
