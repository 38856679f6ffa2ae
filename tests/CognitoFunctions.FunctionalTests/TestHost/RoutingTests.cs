using System.Net;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>Which function a request reaches, and the real host's 404 for everything else.</summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class RoutingTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Theory]
    [InlineData("GET", "/api/no-such-function")]
    [InlineData("GET", "/things")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/api/things")]
    [InlineData("PUT", "/api/things")]
    [InlineData("POST", "/api/cookies")]
    [InlineData("GET", "/api/items/42/books")]
    [InlineData("GET", "/api/delay/99999")]
    [InlineData("GET", "/api//things")]
    public async Task No_function_for_the_path_and_method_is_404_with_an_empty_body(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Head_and_options_on_a_get_only_route_are_404(string method)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/cookies"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "GetThing")]
    [InlineData("POST", "PostThing")]
    public async Task Two_functions_on_one_route_are_told_apart_by_method(string method, string function)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/things"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(function, (await Json(response))["function"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/API/THINGS")]
    [InlineData("/Api/Things/")]
    [InlineData("/api/things/")]
    public async Task Routes_match_case_insensitively_and_with_a_trailing_slash(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GetThing", (await Json(response))["function"]!.GetValue<string>());
    }

    [Fact]
    public async Task Constrained_route_parameters_bind_to_typed_function_parameters()
    {
        using var response = await Client.GetAsync("/api/items/Books/42");

        var body = await Json(response);
        Assert.Equal("Books", body["category"]!.GetValue<string>());
        Assert.Equal(42, body["id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/api/files/a/b/c.txt", "a/b/c.txt")]
    [InlineData("/api/files/with%20space/%C3%A9t%C3%A9.txt", "with space/été.txt")]
    [InlineData("/api/files/keep%2Fslash", "keep%2Fslash")]
    public async Task A_catch_all_route_value_is_percent_decoded_except_an_encoded_slash(string path, string expected)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Json(response))["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/greet/Ada", "Ada")]
    [InlineData("/api/greet", null)]
    [InlineData("/api/greet/", null)]
    public async Task An_optional_route_parameter_may_be_left_out(string path, string? expected)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await Json(response))["name"]?.GetValue<string>());
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
