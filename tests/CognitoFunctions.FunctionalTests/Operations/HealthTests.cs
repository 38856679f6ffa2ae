using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary><c>GET /api/health</c> against the app and cognito-local (the unreachable case is in FaultInjectionTests).</summary>
[Collection(AccountApiTests.Name)]
public sealed class HealthTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task With_keys_cached_and_Cognito_answering_the_app_is_healthy_and_says_so_uncached()
    {
        // A token checked proves the pool's keys are cached, whatever the start-up fetch was doing.
        var user = await Client.SignedInUserAsync();
        using (var me = await Client.GetAsync("/api/user/me", user["accessToken"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store is missing");
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        var jwks = body["checks"]!["jwks"]!;
        Assert.Equal("healthy", jwks["status"]!.GetValue<string>());
        var pool = Assert.Single(jwks["pools"]!.AsArray())!;
        Assert.Equal($"https://cognito-idp.{Fixture.Cognito.Pool.Region}.amazonaws.com/{Fixture.Cognito.Pool.UserPoolId}", pool["issuer"]!.GetValue<string>());
        Assert.True(pool["keys"]!.GetValue<int>() >= 1);
        Assert.Equal(pool["keys"]!.GetValue<int>(), jwks["keys"]!.GetValue<int>());
        Assert.NotNull(pool["lastRefresh"]);
        Assert.Null(pool["lastError"]);
        var cognito = body["checks"]!["cognito"]!;
        Assert.Equal("healthy", cognito["status"]!.GetValue<string>());
        Assert.Null(cognito["error"]);
        foreach (var secret in Secrets())
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_needs_no_token_and_ignores_a_bad_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-token");

        using var response = await Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.NotNull((await response.JsonAsync())["checks"]);
    }

    private IEnumerable<string> Secrets()
    {
        if (Fixture.Cognito.Pool.ClientSecret is { } clientSecret)
        {
            yield return clientSecret;
        }

        foreach (var (name, value) in CognitoFunctionsAppFixture.SampleSettings())
        {
            if (name.Contains("SECRET", StringComparison.OrdinalIgnoreCase) || name.Contains("KEY", StringComparison.OrdinalIgnoreCase))
            {
                yield return value;
            }
        }
    }
}
