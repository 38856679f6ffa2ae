using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.FunctionsHost;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>Request bodies, byte for byte, and the real host's rules for chunked and oversized ones.</summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class BodyTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(5 * 1024 * 1024)]
    public async Task A_binary_body_round_trips_byte_exact(int length)
    {
        var body = RandomNumberGenerator.GetBytes(length);
        // Not valid UTF-8 and no Content-Type: nothing may try to read it as text.
        body[0] = 0xFF;
        using var content = new ByteArrayContent(body);

        using var response = await Client.PostAsync("/api/binary", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Body-Length").Single());
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_function_sees_the_body_as_sent()
    {
        var body = RandomNumberGenerator.GetBytes(4096);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await Client.PutAsync("/api/echo", content);

        var echoed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["body"]!;
        Assert.Equal(body, Convert.FromBase64String(echoed["base64"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_empty_body_arrives_empty()
    {
        using var content = new ByteArrayContent([]);

        using var response = await Client.PostAsync("/api/binary", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("X-Body-Length").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_chunked_body_without_content_length_arrives_empty_as_on_the_real_host()
    {
        using var content = new StreamContent(new MemoryStream(RandomNumberGenerator.GetBytes(10_000)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/binary") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("X-Body-Length").Single());
    }

    [Fact]
    public async Task A_content_length_over_100_MiB_is_a_500_with_connection_close()
    {
        // The host judges by Content-Length before reading: no need to send the bytes.
        var response = await RawHttp.SendAsync(Client.BaseAddress!, $"""
            POST /api/binary HTTP/1.1
            Host: functions.test
            Content-Length: {FunctionsTestHost.DefaultRequestBodyLimit + 1}


            """);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(["close"], response.Values("Connection"));
        Assert.Empty(response.Body);
    }
}
