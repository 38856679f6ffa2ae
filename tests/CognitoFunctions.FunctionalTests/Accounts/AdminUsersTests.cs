using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class AdminUsersTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task A_user_outside_the_admin_group_gets_403()
    {
        var user = await Client.SignedInUserAsync();

        using var response = await Client.GetAsync("/api/users", user["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_lists_users_with_their_status()
    {
        var admin = await AdminAsync();
        var other = await Client.SignedInUserAsync();

        using var response = await Client.GetAsync("/api/users?limit=60", admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var users = (await response.JsonAsync())["users"]!.AsArray();
        var listed = users.Single(u => u!["email"]?.GetValue<string>() == other["email"]!.GetValue<string>())!;
        Assert.Equal(other["username"]!.GetValue<string>(), listed["username"]!.GetValue<string>());
        Assert.False(listed["emailVerified"]!.GetValue<bool>()); // not proven yet
        Assert.Equal("CONFIRMED", listed["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=61")]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    public async Task A_bad_limit_is_a_field_error(string query)
    {
        var admin = await AdminAsync();

        using var response = await Client.GetAsync($"/api/users?{query}", admin);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["limit"]);
    }

    private Task<string> AdminAsync() => Client.AdminAccessTokenAsync(Fixture.Cognito);
}
