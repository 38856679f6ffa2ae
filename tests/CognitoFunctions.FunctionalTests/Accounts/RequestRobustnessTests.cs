using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class RequestRobustnessTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private static readonly string[] AdminGroup = ["admin"];

    public static TheoryData<string> JsonEndpoints() => new()
    {
        "/api/user/signup", "/api/user/login", "/api/user/refresh", "/api/user/password/forgot", "/api/user/password/confirm",
    };

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_that_is_not_json_gets_415(string path)
    {
        using var response = await Client.PostRawAsync(path, "email=a@example.com", "application/x-www-form-urlencoded");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_missing_content_type_gets_415(string path)
    {
        using var response = await Client.PostRawAsync(path, "{}", contentType: null);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task Malformed_json_gets_400(string path)
    {
        using var response = await Client.PostRawAsync(path, "{\"email\": ", "application/json");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-json");
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_over_16_KiB_gets_413(string path)
    {
        var body = "{\"email\":\"" + new string('a', 17 * 1024) + "\"}";

        using var response = await Client.PostRawAsync(path, body, "application/json");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "/problems/payload-too-large");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var email = AccountClient.NewEmail();

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password, admin = true, groups = AdminGroup });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string> BodyEndpoints() => new()
    {
        "/api/user/signup", "/api/user/login", "/api/user/refresh", "/api/user/password/forgot", "/api/user/password/confirm",
        "/api/user/password/change", "/api/user/logout", "/api/user/delete",
    };

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_chunked_body_arrives_empty_as_on_the_real_host_and_gets_411(string path)
    {
        var bearer = path is "/api/user/password/change" or "/api/user/logout" or "/api/user/delete" ? (await Client.SignedInUserAsync())["accessToken"]!.GetValue<string>() : null;
        using var content = new StreamContent(new MemoryStream("{\"email\":\"a@example.com\"}"u8.ToArray()));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.LengthRequired, "/problems/length-required");
        Assert.Contains("Content-Length", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_logout_with_a_refresh_token_is_refused_and_revokes_nothing()
    {
        var user = await Client.SignedInUserAsync();
        var refreshToken = user["refreshToken"]!.GetValue<string>();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"refreshToken\":\"{refreshToken}\"}}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/user/logout") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", user["accessToken"]!.GetValue<string>());

        using var logout = await Client.SendAsync(request);

        // The answer is true: nothing was logged out, and the client is told to resend with a Content-Length.
        await logout.ProblemAsync(HttpStatusCode.LengthRequired, "/problems/length-required");
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }

    [Fact]
    public async Task A_logout_post_without_content_length_gets_411_and_one_with_content_length_0_is_a_plain_logout()
    {
        var access = (await Client.SignedInUserAsync())["accessToken"]!.GetValue<string>();
        var address = Client.BaseAddress!;

        var withoutLength = await RawHttp.SendAsync(address, $"POST /api/user/logout HTTP/1.1\nHost: {address.Authority}\nAuthorization: Bearer {access}\nConnection: close\n\n");
        var withZero = await RawHttp.SendAsync(address, $"POST /api/user/logout HTTP/1.1\nHost: {address.Authority}\nAuthorization: Bearer {access}\nContent-Length: 0\nConnection: close\n\n");

        Assert.Equal(411, withoutLength.StatusCode);
        Assert.Contains("/problems/length-required", System.Text.Encoding.UTF8.GetString(withoutLength.Body), StringComparison.Ordinal);
        Assert.Equal(204, withZero.StatusCode);
    }
}
