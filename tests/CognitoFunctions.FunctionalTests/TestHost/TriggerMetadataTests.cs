using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>
/// The trigger metadata (the worker's BindingData) of an HTTP invocation, by the real host's rules: what a
/// function binding a parameter by name, or reading BindingData, would see under the real host.
/// </summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class TriggerMetadataTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task An_http_trigger_gets_no_sys_entry()
    {
        using var response = await Client.GetAsync("/api/echo?a=1");

        var bindingData = await BindingDataAsync(response);
        Assert.DoesNotContain(bindingData.Select(p => p.Key), k => k.Equals("sys", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["a", "Headers", "Query"], bindingData.Select(p => p.Key).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_repeated_query_key_gives_its_last_value_while_the_request_query_still_joins_them()
    {
        using var response = await Client.GetAsync("/api/echo?a=1&a=2&a=3");

        var echo = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var bindingData = echo["bindingData"]!.AsObject();
        Assert.Equal("3", bindingData["a"]!.GetValue<string>());
        Assert.Equal("""{"a":"3"}""", bindingData["Query"]!.GetValue<string>());
        Assert.Equal("1,2,3", echo["query"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_function_key_parameter_code_is_in_the_query_json_but_not_an_entry_of_its_own()
    {
        using var response = await Client.GetAsync("/api/echo?code=secret&x=1");

        var bindingData = await BindingDataAsync(response);
        Assert.False(bindingData.ContainsKey("code"));
        Assert.Equal("""{"code":"secret","x":"1"}""", bindingData["Query"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/problem+json")]
    [InlineData("text/plain")]
    public async Task Top_level_properties_of_a_json_object_body_are_added_whatever_the_media_type_arrays_and_nulls_left_out(string mediaType)
    {
        using var content = new StringContent(
            """ {"name":"Ada","age":36,"ratio":1.50,"admin":true,"tags":["x"],"nothing":null,"address":{"city":"Zürich", "zip" : "8001"}} """,
            Encoding.UTF8,
            mediaType);
        using var response = await Client.PostAsync("/api/echo", content);

        var bindingData = await BindingDataAsync(response);
        Assert.Equal("Ada", bindingData["name"]!.GetValue<string>());
        Assert.Equal("36", bindingData["age"]!.GetValue<string>());
        Assert.Equal("1.5", bindingData["ratio"]!.GetValue<string>());
        Assert.Equal("True", bindingData["admin"]!.GetValue<string>());
        Assert.Equal("""{"city":"Zürich","zip":"8001"}""", bindingData["address"]!.GetValue<string>());
        Assert.False(bindingData.ContainsKey("tags"));
        Assert.False(bindingData.ContainsKey("nothing"));
    }

    [Fact]
    public async Task A_body_that_is_not_one_json_object_adds_nothing()
    {
        using var content = new StringContent("""[{"name":"Ada"}]""", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/echo", content);

        var bindingData = await BindingDataAsync(response);
        Assert.Equal(["Headers", "Query"], bindingData.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_query_value_wins_over_a_body_property_of_the_same_name_compared_case_insensitively()
    {
        using var content = new StringContent("""{"Name":"body","other":"kept"}""", Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/echo?name=query", content);

        var bindingData = await BindingDataAsync(response);
        var name = Assert.Single(bindingData, p => p.Key.Equals("name", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("query", name.Value!.GetValue<string>());
        Assert.Equal("kept", bindingData["other"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/greet/route?name=query", "route")]
    [InlineData("/api/greet?name=query", "query")]
    public async Task A_route_value_wins_over_a_query_value_of_the_same_name_when_it_has_one(string path, string bound)
    {
        using var response = await Client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.Equal(bound, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_key_named_like_the_query_or_headers_entry_takes_its_place()
    {
        using var response = await Client.GetAsync("/api/echo?query=q&HEADERS=h");

        var bindingData = await BindingDataAsync(response);
        Assert.Equal("q", Assert.Single(bindingData, p => p.Key.Equals("Query", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<string>());
        Assert.Equal("h", Assert.Single(bindingData, p => p.Key.Equals("Headers", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<string>());
    }

    [Fact]
    public async Task Query_and_headers_json_keep_non_ascii_and_html_characters_as_themselves()
    {
        var response = await RawHttp.SendAsync(Client.BaseAddress!, """
            GET /api/echo?q=%2B%26%22%C3%A9%E2%9C%93%3C HTTP/1.1
            Host: functions.test
            X-Chars: a+b&c"d'e<f
            Connection: close


            """);

        Assert.Equal(200, response.StatusCode);
        var bindingData = JsonNode.Parse(response.Body)!["bindingData"]!.AsObject();
        Assert.Equal("""{"q":"+&\"é✓<"}""", bindingData["Query"]!.GetValue<string>());
        Assert.Contains("""
            "X-Chars":"a+b&c\"d'e<f"
            """, bindingData["Headers"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> BindingDataAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["bindingData"]!.AsObject();
    }
}
