using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>
/// The document the running app serves, linted by Redocly CLI (pinned in tools/node) with its recommended rules: no
/// error and no warning may remain beyond the exceptions tools/node/.redocly.lint-ignore.yaml lists with their reasons.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class OpenApiLintTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task The_served_document_passes_Redocly_recommended_rules_with_no_error_or_warning()
    {
        using var response = await Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var result = await Redocly.LintAsync(await response.Content.ReadAsByteArrayAsync());

        Output.WriteLine(result.StandardError);
        var report = JsonNode.Parse(result.StandardOutput)!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {string.Join(", ", p["location"]!.AsArray().Select(l => l!["pointer"]))}")
            .ToList();
        Assert.True(problems.Count == 0, $"Redocly lint ({result.ExitCode}):\n{string.Join('\n', problems)}");
        Assert.Equal(0, result.ExitCode);
    }
}
