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

    [Fact]
    public async Task A_chunked_body_arrives_empty_as_on_the_real_host_and_is_refused_as_such()
    {
        using var content = new StreamContent(new MemoryStream("{\"email\":\"a@example.com\"}"u8.ToArray()));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/user/password/forgot") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-json");
        Assert.Contains("empty", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
