using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>
/// An app in ASP.NET Core integration mode (HttpRequest in, IActionResult out): the test host finds the worker's own
/// HTTP server in its HttpUri capability, sends the minimal invocation and forwards the request there, as the real
/// host does.
/// </summary>
public sealed class AspNetCoreIntegrationTests(TestAspNetFunctionAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<TestAspNetFunctionAppFixture>
{
    private const string SecretMarker = "Sup3r-Secret-Marker";

    [Fact]
    public void The_worker_advertises_its_own_http_server()
    {
        Assert.True(Fixture.Host.Handshake.Capabilities.TryGetValue("HttpUri", out var httpUri));
        Assert.StartsWith("http://", httpUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_reaches_the_function_with_its_method_path_query_headers_and_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/echo?a=1&a=2&word=caf%C3%A9+au+lait&empty=")
        {
            Content = new StringContent("{\"name\":\"é ✓\"}", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.Add("X-Custom", ["one", "two"]);
        request.Headers.Add("Cookie", "a=b");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", Assert.Single(response.Headers.GetValues("X-Echo-Method")));
        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("POST", echo["method"]!.GetValue<string>());
        Assert.Equal("/api/echo", echo["path"]!.GetValue<string>());
        Assert.Equal("1,2", echo["query"]!["a"]!.GetValue<string>());
        Assert.Equal("café au lait", echo["query"]!["word"]!.GetValue<string>());
        Assert.Equal("", echo["query"]!["empty"]!.GetValue<string>());
        Assert.Equal("one, two", echo["headers"]!["x-custom"]!.GetValue<string>());
        Assert.Equal("a=b", echo["headers"]!["cookie"]!.GetValue<string>());
        Assert.Equal("application/merge-patch+json; charset=utf-8", echo["headers"]!["content-type"]!.GetValue<string>());
        Assert.Equal("{\"name\":\"é ✓\"}", echo["body"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount("{\"name\":\"é ✓\"}").ToString(System.Globalization.CultureInfo.InvariantCulture), echo["contentLength"]!.GetValue<string>());
        // The request the worker's server saw carries the invocation it belongs to; the worker applies the
        // X-Forwarded-* headers, so the function sees the host the client called.
        Assert.Equal(echo["invocationId"]!.GetValue<string>(), echo["headers"]!["x-ms-invocation-id"]!.GetValue<string>());
        Assert.Equal(Client.BaseAddress!.Authority, echo["headers"]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_parameter_is_bound_to_the_function_and_in_the_route_values()
    {
        using var response = await Client.GetAsync("/api/items/a%20b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("a b", item["id"]!.GetValue<string>());
        Assert.Equal("a b", item["routeValue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("DELETE", "/api/echo")]
    [InlineData("POST", "/api/items/1")]
    public async Task No_matching_function_is_a_404_with_an_empty_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_function_that_throws_is_a_500_that_does_not_show_the_exception()
    {
        using var response = await Client.GetAsync("/api/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(SecretMarker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretMarker, response.Headers.ToString() + response.Content.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_parallel_requests_each_get_their_own_answer_from_their_own_invocation()
    {
        var bodies = Enumerable.Range(0, 50).Select(i => new string((char)('a' + (i % 26)), 100 + (i * 37))).ToArray();

        var echoes = await Task.WhenAll(bodies.Select(async (body, i) =>
        {
            using var content = new StringContent(body);
            using var response = await Client.PostAsync($"/api/echo?tag=request-{i}", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }));

        for (var i = 0; i < bodies.Length; i++)
        {
            Assert.Equal($"request-{i}", echoes[i]["query"]!["tag"]!.GetValue<string>());
            Assert.Equal(bodies[i], echoes[i]["body"]!.GetValue<string>());
            Assert.Equal(echoes[i]["invocationId"]!.GetValue<string>(), echoes[i]["headers"]!["x-ms-invocation-id"]!.GetValue<string>());
        }

        Assert.Equal(bodies.Length, echoes.Select(e => e["invocationId"]!.GetValue<string>()).Distinct().Count());
    }
}
