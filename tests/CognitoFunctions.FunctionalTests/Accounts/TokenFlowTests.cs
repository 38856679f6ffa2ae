using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class TokenFlowTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task A_client_of_the_original_tutorial_works_unchanged()
    {
        // POST signup, POST login reading `token`, POST private with that token as the bare Authorization value.
        var email = AccountClient.NewEmail("tutorial");
        using var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        var token = (await login.JsonAsync())["token"]!.GetValue<string>();

        using var response = await Client.PostRawAsync("/api/user/private", "{}", "application/json", token, scheme: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal($"Email {email} has been authorized", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Private_and_me_answer_with_the_identity_of_an_ID_or_an_access_token()
    {
        var user = await Client.SignedInUserAsync();
        var sub = Jwt.Payload(user["idToken"]!.GetValue<string>())["sub"]!.GetValue<string>();

        using var withId = await Client.GetAsync("/api/user/private", user["idToken"]!.GetValue<string>());
        using var withAccess = await Client.GetAsync("/api/user/me", user["accessToken"]!.GetValue<string>());

        var id = await withId.JsonAsync();
        var access = await withAccess.JsonAsync();
        Assert.Equal(sub, id["sub"]!.GetValue<string>());
        Assert.Equal(user["email"]!.GetValue<string>(), id["email"]!.GetValue<string>());
        Assert.Equal("id", id["tokenUse"]!.GetValue<string>());
        Assert.Equal(sub, access["sub"]!.GetValue<string>());
        Assert.Equal("access", access["tokenUse"]!.GetValue<string>());
        Assert.Empty(access["groups"]!.AsArray());
    }

    [Fact]
    public async Task Private_without_a_token_is_401_with_a_bearer_challenge()
    {
        using var response = await Client.GetAsync("/api/user/private");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Refresh_gives_new_tokens_without_a_refresh_token()
    {
        var user = await Client.SignedInUserAsync();

        using var response = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = user["refreshToken"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.JsonAsync();
        Assert.Null(body["refreshToken"]);
        Assert.Equal(user["username"]!.GetValue<string>(), body["username"]!.GetValue<string>());
        using var me = await Client.GetAsync("/api/user/me", body["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_bad_refresh_token_is_401()
    {
        using var response = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = "not-a-refresh-token" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-refresh-token");
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await Client.SignedInUserAsync();
        var refreshToken = user["refreshToken"]!.GetValue<string>();

        using var logout = await Client.PostJsonAsync("/api/user/logout", new { refreshToken }, user["accessToken"]!.GetValue<string>());
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-refresh-token");
    }

    [Fact]
    public async Task Logout_takes_an_access_token_and_no_body()
    {
        var user = await Client.SignedInUserAsync();

        using var withId = await Client.PostRawAsync("/api/user/logout", "", null, user["idToken"]!.GetValue<string>());
        using var withAccess = await Client.PostRawAsync("/api/user/logout", "", null, user["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, withId.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withAccess.StatusCode);
    }
}
