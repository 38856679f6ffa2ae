using System.Net;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>The app with <c>Accounts__UnprovenEmailHoldsFor</c> at zero: an unproven account holds its email for no time at all.</summary>
public sealed class NoHoldAppFixture : CognitoFunctionsAppFixture
{
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["Accounts__UnprovenEmailHoldsFor"] = "00:00:00";
    }
}

/// <summary>
/// A sign-up that meets an account whose email nobody proved within the hold replaces it, end to end against
/// cognito-local; a proven account and one an administrator created keep the address. (Within the default hold of
/// 24 hours a second sign-up is refused: SignUpTests.)
/// </summary>
public sealed class UnprovenEmailTests(NoHoldAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<NoHoldAppFixture>
{
    private const string OwnersPassword = "Owners-Passw0rd!";

    [Fact]
    public async Task A_sign_up_replaces_an_account_whose_email_was_never_proven()
    {
        var email = AccountClient.NewEmail("claimed");
        var first = await SignUpAsync(email, AccountClient.Password);

        using var second = await Client.PostJsonAsync("/api/user/signup", new { email, password = OwnersPassword });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first, (await second.JsonAsync())["userSub"]!.GetValue<string>());
        using var stranger = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        await stranger.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
        using var owner = await Client.PostJsonAsync("/api/user/login", new { email, password = OwnersPassword });
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task A_proven_email_keeps_its_account()
    {
        var user = await Client.ProvenUserAsync();

        using var second = await Client.PostJsonAsync("/api/user/signup", new { email = user["email"]!.GetValue<string>(), password = OwnersPassword });

        await second.ProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task An_account_an_administrator_created_keeps_its_address_unproven_or_not()
    {
        var email = AccountClient.NewEmail("admin-made");
        var cognito = Fixture.Cognito;
        await cognito.Api.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = cognito.Pool.UserPoolId,
            ["Username"] = email,
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = email }),
        });

        using var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = OwnersPassword });

        await signUp.ProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        var kept = await cognito.Api.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = cognito.Pool.UserPoolId, ["Username"] = email });
        Assert.DoesNotContain(kept["UserAttributes"]!.AsArray(), a => a!["Name"]!.GetValue<string>() == "custom:signup_nonce");
    }

    private async Task<string> SignUpAsync(string email, string password)
    {
        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["userSub"]!.GetValue<string>();
    }
}
