using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Key rotation end to end, with keys the test generated: a new kid in the JWKS is accepted on its first token (one
/// fetch), and once the app has fetched a JWKS without the old kid, tokens of the old key are rejected, cached or not.
/// </summary>
public sealed class KeyRotationTests(KeyRotationAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<KeyRotationAppFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private static readonly TestKey UnknownKey = new("never-published");

    private KeyRotationAppFixture Rotation => (KeyRotationAppFixture)Fixture;

    private JwksServer Jwks => Rotation.Jwks;

    [Fact]
    public async Task A_new_key_is_accepted_at_once_and_tokens_of_the_removed_key_are_rejected_after_the_next_fetch()
    {
        var oldToken = Rotation.KeyA.Sign(Claims());
        await AssertStatusAsync(oldToken, HttpStatusCode.OK);

        // B is published; its first token makes the app fetch once and is accepted.
        Jwks.Publish(Rotation.KeyA, Rotation.KeyB);
        await WaitOutPenaltyWindowAsync();
        var fetches = Jwks.Requests();
        var newToken = Rotation.KeyB.Sign(Claims());
        await AssertStatusAsync(newToken, HttpStatusCode.OK);
        Assert.Equal(fetches + 1, Jwks.Requests());

        // Both keys now verify without any further fetch.
        await AssertStatusAsync(Rotation.KeyB.Sign(Claims()), HttpStatusCode.OK);
        await AssertStatusAsync(Rotation.KeyA.Sign(Claims()), HttpStatusCode.OK);
        Assert.Equal(fetches + 1, Jwks.Requests());

        // A is removed. The app learns it at its next fetch: here one caused by a kid it does not know.
        Jwks.Publish(Rotation.KeyB);
        await WaitOutPenaltyWindowAsync();
        fetches = Jwks.Requests();
        await AssertStatusAsync(UnknownKey.Sign(Claims()), HttpStatusCode.Unauthorized);
        Assert.Equal(fetches + 1, Jwks.Requests());

        await AssertStatusAsync(oldToken, HttpStatusCode.Unauthorized);
        await AssertStatusAsync(Rotation.KeyA.Sign(Claims()), HttpStatusCode.Unauthorized);
        await AssertStatusAsync(newToken, HttpStatusCode.OK);
        await AssertStatusAsync(Rotation.KeyB.Sign(Claims()), HttpStatusCode.OK);
    }

    private System.Text.Json.Nodes.JsonObject Claims() => PoolTokens.IdClaims(Fixture.Cognito.Pool);

    // Inside the penalty window an unknown kid is rejected from memory without a fetch; the window is a span of time.
    private Task WaitOutPenaltyWindowAsync() =>
        Jwks.WaitUntilQuietAsync(JwksServerAppFixture.PenaltyWindow + TimeSpan.FromMilliseconds(200), WaitLimit);

    private async Task AssertStatusAsync(string token, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync("/api/user/private", token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }
}
