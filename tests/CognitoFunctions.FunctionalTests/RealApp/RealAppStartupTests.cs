using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.RealApp;

/// <summary>The real app, src/CognitoFunctions, starts through the test host against cognito-local.</summary>
[Collection(AccountApiTests.Name)]
public sealed class RealAppStartupTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public void The_worker_starts_with_the_cognito_settings_and_loads_every_function_it_indexed()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture.AppDirectory, "functions.metadata")))!.AsArray();

        // The real host refuses a function on its own routes (admin…, runtime…); the test host does the same.
        Assert.Empty(Fixture.Host.Handshake.FunctionErrors);
        Assert.Equal(
            metadata.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            Fixture.Host.Handshake.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains("RawHttpBodyBytes", Fixture.Host.Handshake.Capabilities.Keys);
    }

    [Fact]
    public async Task A_path_no_function_serves_is_404()
    {
        using var response = await Client.GetAsync("/api/no-such-function");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
