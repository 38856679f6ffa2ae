using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>The app started with a JWKS address nothing listens on: no signing key can ever be fetched.</summary>
public sealed class JwksUnreachableAppFixture : CognitoFunctionsAppFixture
{
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["Cognito__JwksUri"] = ClosedPort.Address("jwks.json").ToString();
    }
}

public sealed class JwksUnavailableTests(JwksUnreachableAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<JwksUnreachableAppFixture>
{
    [Fact]
    public async Task Protected_functions_fail_closed_with_503_and_no_bearer_challenge()
    {
        var email = AccountClient.NewEmail();
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        var tokens = await Fixture.Cognito.LogInAsync(email, AccountClient.Password);

        using var response = await Client.GetAsync("/api/user/private", tokens["IdToken"]!.GetValue<string>());

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "/problems/authentication-unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.DoesNotContain(tokens["IdToken"]!.GetValue<string>()[..40], problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_functions_keep_working()
    {
        using var response = await Client.PostJsonAsync("/api/user/signup", new { email = AccountClient.NewEmail(), password = AccountClient.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
