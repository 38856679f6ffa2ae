using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using static CognitoFunctions.FunctionalTests.Reliability.ReliabilityAssertions;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>Cognito's API refusing every connection: the account API answers 503 in time; token checks carry on.</summary>
public sealed class CognitoRefusedTests(CognitoRefusedAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<CognitoRefusedAppFixture>
{
    [Fact]
    public async Task Signup_answers_503_with_retry_after_in_time_and_creates_nothing()
    {
        var email = AccountClient.NewEmail("refused");

        await AssertRetryLaterInTimeAsync(Client, "/api/user/signup", new { email, password = AccountClient.Password }, Unavailable, timedOutCalls: 1);
        await AssertNoUserAsync(Fixture.Cognito, email);
    }

    [Fact]
    public async Task Login_answers_503_with_retry_after_in_time()
    {
        var email = AccountClient.NewEmail("refused-login");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);

        await AssertRetryLaterInTimeAsync(Client, "/api/user/login", new { email, password = AccountClient.Password }, Unavailable, timedOutCalls: 1);
    }

    [Fact]
    public async Task Protected_functions_keep_answering_since_token_checks_need_only_the_JWKS()
    {
        var email = AccountClient.NewEmail("refused-token");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        var tokens = await Fixture.Cognito.LogInAsync(email, AccountClient.Password);

        using var response = await Client.GetAsync("/api/user/private", tokens["IdToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
