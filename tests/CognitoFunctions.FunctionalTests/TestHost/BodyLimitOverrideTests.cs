using System.Net;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>TestFunctionApp with <c>FUNCTIONS_REQUEST_BODY_SIZE_LIMIT</c> set, as an app setting overrides the real host's 100 MiB.</summary>
public sealed class SmallBodyLimitFixture : FunctionAppFixture
{
    public const int Limit = 1024;

    protected override string AppProject => "tests/TestFunctionApp";

    protected override Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        settings["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}

public sealed class BodyLimitOverrideTests(SmallBodyLimitFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<SmallBodyLimitFixture>
{
    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted()
    {
        using var content = new ByteArrayContent(new byte[SmallBodyLimitFixture.Limit]);

        using var response = await Client.PostAsync("/api/binary", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmallBodyLimitFixture.Limit, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task One_byte_over_the_limit_is_a_500_that_closes_the_connection()
    {
        var response = await RawHttp.SendAsync(Client.BaseAddress!, $"""
            POST /api/binary HTTP/1.1
            Host: functions.test
            Content-Length: {SmallBodyLimitFixture.Limit + 1}


            """, new byte[SmallBodyLimitFixture.Limit + 1], checkClosed: true);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(["close"], response.Values("Connection"));
        Assert.Empty(response.Body);
        Assert.True(response.ServerClosedConnection, "the server closed the connection");
    }
}
