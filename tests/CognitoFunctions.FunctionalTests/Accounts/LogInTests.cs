using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class LogInTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Login_returns_every_token_with_no_store_and_the_original_token_field()
    {
        var email = AccountClient.NewEmail();
        using (await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
        }

        using var response = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "token responses must not be cached");
        var body = await response.JsonAsync();
        Assert.Equal("Success", body["message"]!.GetValue<string>());
        Assert.Equal(body["idToken"]!.GetValue<string>(), body["token"]!.GetValue<string>());
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["refreshToken"]!.GetValue<string>()));
        var access = Jwt.Payload(body["accessToken"]!.GetValue<string>());
        Assert.Equal("access", access["token_use"]!.GetValue<string>());
        Assert.Equal(Jwt.Lifetime(access), body["expiresIn"]!.GetValue<long>());
        Assert.Equal(access["username"]!.GetValue<string>(), body["username"]!.GetValue<string>());
        Assert.Equal(email, Jwt.Payload(body["idToken"]!.GetValue<string>())["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_needs_both_fields_but_does_not_apply_the_password_policy()
    {
        using var missing = await Client.PostJsonAsync("/api/user/login", new { email = "a@example.com" });
        using var weak = await Client.PostJsonAsync("/api/user/login", new { email = "a@example.com", password = "x" });

        var problem = await missing.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Equal("Required.", problem["errors"]!["password"]![0]!.GetValue<string>());
        await weak.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
    }
}
