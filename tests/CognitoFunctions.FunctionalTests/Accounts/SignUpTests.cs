using System.Net;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class SignUpTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Sign_up_creates_a_confirmed_user_whose_email_is_still_to_be_proven_and_answers_201()
    {
        var email = AccountClient.NewEmail();

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("User registration successful", body["message"]!.GetValue<string>());
        Assert.False(body["emailVerified"]!.GetValue<bool>());
        var user = await Fixture.Cognito.Api.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId, ["Username"] = email });
        Assert.Equal("CONFIRMED", user["UserStatus"]!.GetValue<string>());
        var attributes = user["UserAttributes"]!.AsArray().ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
        Assert.Equal(attributes["sub"], body["userSub"]!.GetValue<string>());
        Assert.False(attributes.ContainsKey("email_verified"));
        Assert.Equal(email, attributes["email"]);
    }

    [Fact]
    public async Task A_taken_email_gets_409_and_the_existing_account_keeps_its_password()
    {
        var email = AccountClient.NewEmail();
        using (var first = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await Client.PostJsonAsync("/api/user/signup", new { email, password = "Other-Passw0rd!" });

        await second.ProblemAsync(HttpStatusCode.Conflict, "/problems/email-taken");
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Every_field_error_is_reported_at_once_and_nothing_is_created()
    {
        var email = "not-an-email";

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password = "short" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["email", "password"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var passwordErrors = errors["password"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains("Must be at least 8 characters.", passwordErrors);
        Assert.Contains("Must contain an uppercase letter.", passwordErrors);
        Assert.Contains("Must contain a number.", passwordErrors);
        Assert.Contains("Must contain a symbol such as ! @ # $ % - _.", passwordErrors);
        await AssertNoUserAsync(email);
    }

    [Fact]
    public async Task Missing_fields_are_required()
    {
        using var response = await Client.PostJsonAsync("/api/user/signup", new { });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Equal("Required.", problem["errors"]!["email"]![0]!.GetValue<string>());
        Assert.Equal("Required.", problem["errors"]!["password"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_password_policy_comes_from_the_pool()
    {
        // The pool's policy (aws-cognito.yaml's defaults): 8 characters, all four classes. A password meeting it
        // exactly passes; one character shorter fails on length alone.
        var ok = AccountClient.NewEmail();
        using var passes = await Client.PostJsonAsync("/api/user/signup", new { email = ok, password = "Abcde1!x" });
        using var fails = await Client.PostJsonAsync("/api/user/signup", new { email = AccountClient.NewEmail(), password = "Abcd1!x" });

        Assert.Equal(HttpStatusCode.Created, passes.StatusCode);
        var problem = await fails.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Equal(["Must be at least 8 characters."], problem["errors"]!["password"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    private async Task AssertNoUserAsync(string email)
    {
        var users = await Fixture.Cognito.Api.CallAsync("ListUsers", new JsonObject
        {
            ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId,
            ["Filter"] = $"email = \"{email}\"",
        });
        Assert.Empty(users["Users"]!.AsArray());
    }
}
