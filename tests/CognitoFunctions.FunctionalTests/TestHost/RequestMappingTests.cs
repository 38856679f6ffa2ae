using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>What the function receives of a request: as the real host delivers it.</summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class RequestMappingTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Header_names_arrive_lower_cased_and_repeated_headers_once_joined_by_a_comma()
    {
        var response = await RawHttp.SendAsync(Client.BaseAddress!, """
            GET /api/echo HTTP/1.1
            Host: functions.test
            X-Custom-Header: Value-Kept
            X-Repeated: first
            X-Repeated: second
            Cookie: a=1
            Cookie: b=2
            Connection: close


            """);

        // The worker's HttpHeadersCollection re-cases the names it knows (Host, Cookie); other names show
        // exactly what the host sent.
        var headers = Echo(response)["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.Ordinal);
        Assert.Equal("Value-Kept", headers["x-custom-header"]);
        Assert.Equal("first,second", headers["x-repeated"]);
        Assert.Equal("a=1,b=2", headers["Cookie"]);
        // Nothing injected by the host: only what the client sent.
        Assert.Equal(["connection", "cookie", "host", "x-custom-header", "x-repeated"], headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Query_keys_repeated_are_joined_in_the_request_the_last_value_in_binding_data_empty_values_kept_and_values_decoded()
    {
        using var response = await Client.GetAsync("/api/echo?x=1&x=2&empty=&plus=a+b&pct=%C3%A9%26%3D");

        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("1,2", echo["query"]!["x"]!.GetValue<string>());
        var bindingData = echo["bindingData"]!.AsObject();
        Assert.Equal("2", bindingData["x"]!.GetValue<string>());
        Assert.Equal("", bindingData["empty"]!.GetValue<string>());
        Assert.Equal("a b", bindingData["plus"]!.GetValue<string>());
        Assert.Equal("é&=", bindingData["pct"]!.GetValue<string>());
        var query = JsonNode.Parse(bindingData["Query"]!.GetValue<string>())!;
        Assert.Equal("2", query["x"]!.GetValue<string>());
        Assert.Equal("", query["empty"]!.GetValue<string>());
    }

    [Fact]
    public async Task Method_url_and_an_anonymous_identity_reach_the_function()
    {
        using var response = await Client.PatchAsync("/api/echo?a=b", new ByteArrayContent([1]));

        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PATCH", echo["method"]!.GetValue<string>());
        Assert.Equal(new Uri(Client.BaseAddress!, "/api/echo?a=b"), new Uri(echo["url"]!.GetValue<string>()));
        // As on the real host: one identity even for an anonymous caller, and not authenticated.
        var identity = Assert.Single(echo["identities"]!.AsArray())!;
        Assert.False(identity["isAuthenticated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Top_level_properties_of_a_json_body_become_binding_data()
    {
        using var content = new StringContent("""{"name":"Ada","age":36,"tags":["x"]}""", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/echo", content);

        var bindingData = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["bindingData"]!.AsObject();
        Assert.Equal("Ada", bindingData["name"]!.GetValue<string>());
        Assert.Equal("36", bindingData["age"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dot_segments_are_resolved_before_routing()
    {
        var response = await RawHttp.SendAsync(Client.BaseAddress!, """
            GET /api/other/../things HTTP/1.1
            Host: functions.test
            Connection: close


            """);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("GetThing", JsonNode.Parse(response.Body)!["function"]!.GetValue<string>());
    }

    private static JsonNode Echo(RawResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        return JsonNode.Parse(response.Body)!;
    }
}
