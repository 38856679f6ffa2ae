using System.Net;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>How a function's response reaches the client, including a function that throws.</summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class ResponseMappingTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string SecretMarker = "Sup3r-Secret-Marker";

    [Theory]
    [InlineData("GET", null)]
    [InlineData("POST", "application/json")]
    [InlineData("GET", "text/html")]
    public async Task A_function_that_throws_is_a_bare_500_that_does_not_leak_the_message(string method, string? accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/throw");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(response.Headers.Concat(response.Content.Headers), h => h.Value.Any(v => v.Contains(SecretMarker, StringComparison.Ordinal)));
        // The message is not lost: it is in the host's log, where a developer looks.
        Assert.Contains(Fixture.Log.RecentLines(), line => line.Contains("Throw invocation", StringComparison.Ordinal) && line.Contains(SecretMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cookies_leave_as_separate_set_cookie_lines_and_a_two_valued_header_as_one_line()
    {
        var response = await RawHttp.SendAsync(Client.BaseAddress!, """
            GET /api/cookies HTTP/1.1
            Host: functions.test
            Connection: close


            """);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            ["plain=one; path=/", "session=abc123; max-age=3600; domain=example.test; path=/api; secure; samesite=strict; httponly"],
            response.Values("Set-Cookie"));
        Assert.Equal(["first,second"], response.Values("X-Multi"));
        Assert.Equal(["text/plain; charset=utf-8"], response.Values("Content-Type"));
        Assert.Equal("cookies set", System.Text.Encoding.UTF8.GetString(response.Body));
        // As the real host sends them: Kestrel's Date and Server, and a body that goes out chunked.
        Assert.Equal(["Kestrel"], response.Values("Server"));
        Assert.Single(response.Values("Date"));
        Assert.Equal(["chunked"], response.Values("Transfer-Encoding"));
    }

    [Theory]
    [InlineData(201)]
    [InlineData(400)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task The_function_status_code_passes_through_and_no_content_type_is_added(int code)
    {
        using var response = await Client.GetAsync($"/api/status/{code}");

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_function_that_returns_no_response_is_204()
    {
        using var response = await Client.GetAsync("/api/nothing");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
