using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// One mailbox, one account: the app compares emails without regard to case, on cognito-local's case-sensitive pool as
/// on pools made before Cognito's case-insensitive usernames, while an account created earlier in mixed case still
/// logs in and resets its password.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class EmailCaseTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Three_spellings_of_one_address_make_one_account_that_logs_in_under_any_of_them()
    {
        var local = $"case-{Guid.NewGuid():N}";
        string[] spellings = [$"{local}@example.com", $"{local.ToUpperInvariant()}@EXAMPLE.COM", $"{local}@Example.COM"];

        var statuses = new List<HttpStatusCode>();
        foreach (var email in spellings)
        {
            using var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });
            statuses.Add(signUp.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict], statuses);
        foreach (var email in spellings)
        {
            using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
            Assert.True(login.StatusCode == HttpStatusCode.OK, $"login as {email}: {(int)login.StatusCode}");
        }

        var users = await Fixture.Cognito.Api.CallAsync("ListUsers", new JsonObject { ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId });
        var holders = users["Users"]!.AsArray().Count(u => u!["Attributes"]!.AsArray()
            .Any(a => a!["Name"]!.GetValue<string>() == "email" && a["Value"]!.GetValue<string>().Equals(spellings[0], StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, holders);
    }

    [Fact]
    public async Task An_account_created_earlier_in_mixed_case_still_logs_in_resets_and_keeps_its_address()
    {
        var email = $"Legacy-{Guid.NewGuid():N}@Example.COM";
        // As an administrator or an earlier app would have: the username exactly in the case given.
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);

        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        using var signUpAgain = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });
        using (var forgot = await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        using var confirm = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = "Brand-New-Passw0rd" });
        using var loginWithNew = await Client.PostJsonAsync("/api/user/login", new { email, password = "Brand-New-Passw0rd" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        await signUpAgain.ProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginWithNew.StatusCode);
    }
}
