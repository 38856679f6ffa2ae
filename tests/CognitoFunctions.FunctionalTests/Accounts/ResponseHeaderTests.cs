using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// The headers every answer owes its client: answers with personal data or tokens are never cached, no JSON answer
/// may be sniffed as something else, and the app's and the middleware's problems share one media type.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class ResponseHeaderTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string UsersPath = "/api/users";

    [Fact]
    public async Task Answers_with_personal_data_or_tokens_are_no_store_and_nosniff()
    {
        var email = AccountClient.NewEmail();
        using (var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
            AssertNoStore(signUp);
        }

        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        var tokens = await login.JsonAsync();
        var access = tokens["accessToken"]!.GetValue<string>();
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        using var me = await Client.GetAsync("/api/user/me", access);
        using var privateRoute = await Client.GetAsync("/api/user/private", access);
        using var users = await Client.GetAsync(UsersPath, await Client.AdminAccessTokenAsync(Fixture.Cognito));

        foreach (var response in new[] { login, refresh, me, privateRoute, users })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage!.RequestUri!.AbsolutePath}: {(int)response.StatusCode}");
            AssertNoStore(response);
        }
    }

    [Fact]
    public async Task Problems_of_the_app_and_of_the_middleware_have_the_same_content_type_and_nosniff()
    {
        using var appProblem = await Client.PostRawAsync("/api/user/login", "{", "application/json");
        using var middlewareProblem = await Client.GetAsync("/api/user/me", "not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, appProblem.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, middlewareProblem.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", appProblem.Content.Headers.ContentType!.ToString());
        Assert.Equal(appProblem.Content.Headers.ContentType!.ToString(), middlewareProblem.Content.Headers.ContentType!.ToString());
        AssertNoStore(appProblem);
        AssertNoStore(middlewareProblem);
    }

    [Fact]
    public async Task The_public_openapi_document_is_nosniff_but_may_be_cached()
    {
        using var response = await Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    private static void AssertNoStore(HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control: no-store is missing");
        Assert.True(
            response.Headers.TryGetValues("X-Content-Type-Options", out var values) && values.SequenceEqual(["nosniff"]),
            $"{path}: X-Content-Type-Options: nosniff is missing");
    }
}
