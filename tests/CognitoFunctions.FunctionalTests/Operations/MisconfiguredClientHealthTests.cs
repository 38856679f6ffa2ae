using System.Net;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>The app with a <c>Cognito__ClientId</c> its pool does not have (a typo, or another stack's client).</summary>
public sealed class WrongClientIdAppFixture : CognitoFunctionsAppFixture
{
    public const string WrongClientId = "0123456789abcdefghijklmnop";

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["Cognito__ClientId"] = WrongClientId;
    }
}

public sealed class MisconfiguredClientHealthTests(WrongClientIdAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<WrongClientIdAppFixture>
{
    [Fact]
    public async Task A_client_id_the_pool_does_not_have_is_unhealthy_and_the_body_names_it()
    {
        using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var cognito = JsonNode.Parse(text)!["checks"]!["cognito"]!;

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, text);
        Assert.Equal(("unhealthy", "app_client_not_found"), (cognito["status"]!.GetValue<string>(), cognito["error"]!.GetValue<string>()));
        Assert.DoesNotContain("ResourceNotFound", text, StringComparison.Ordinal);
    }
}
