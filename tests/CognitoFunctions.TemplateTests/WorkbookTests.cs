using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// The Azure Monitor workbook (dashboards/workbook.json) the template deploys: it is deployed over the app's
/// Application Insights, as the file in the repository, and its queries name only metrics, tags, tag values, spans and
/// audit events that the code emits, so that a rename in the code fails here instead of leaving an empty tile.
/// </summary>
public sealed partial class WorkbookTests
{
    [Fact]
    public async Task The_template_deploys_the_workbook_file_over_the_Application_Insights_component()
    {
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var workbook = deployment.Single("Microsoft.Insights/workbooks");
        var insights = deployment.Single("Microsoft.Insights/components");

        Assert.Equal("shared", workbook["kind"]!.GetValue<string>());
        Assert.Equal(AzureDeployment.Id(insights), workbook["properties"]!["sourceId"]!.GetValue<string>());
        Assert.Equal(await File.ReadAllTextAsync(AzureTemplate.WorkbookPath), workbook["properties"]!["serializedData"]!.GetValue<string>());
    }

    [Fact]
    public void Every_query_reads_a_table_the_Azure_Monitor_exporter_writes_and_names_only_what_the_code_emits()
    {
        var queries = WorkbookQueries();
        Assert.NotEmpty(queries);
        var source = TelemetrySource.Text;
        var problems = new List<string>();
        foreach (var query in queries)
        {
            var table = query.Split('\n')[0].Trim();
            if (table is not ("customMetrics" or "dependencies" or "traces"))
            {
                problems.Add($"a query reads {table}, not customMetrics, dependencies or traces");
            }

            problems.AddRange(KqlLiteral().Matches(query).Select(m => m.Groups[1].Value)
                .Where(name => name.Any(char.IsAsciiLetter) && !TelemetrySource.Emits(source, name))
                .Select(name => $"\"{name}\" is named by a workbook query and by no source file"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_workbook_has_the_tiles_the_README_describes()
    {
        var queries = string.Join('\n', WorkbookQueries());

        foreach (var name in new[] { "cognito.auth.requests", "cognito.client.duration", "cognito.auth.jwks.fetches", "cognito.account.operations", "AWSCognitoIdentityProviderService/", "LoginSucceeded:" })
        {
            Assert.Contains($"\"{name}\"", queries, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("cognito.auth.requests", true)]
    [InlineData("AWSCognitoIdentityProviderService/", true)]
    [InlineData("LoginSucceeded:", true)]
    [InlineData("ClientAddress", true)]
    [InlineData("cognito.auth.request", false)]
    [InlineData("LoginSucceded:", false)]
    [InlineData("AWSCognitoIdentityProvider/", false)]
    public void A_name_counts_as_emitted_only_as_the_code_spells_it(string name, bool emitted) =>
        Assert.Equal(emitted, TelemetrySource.Emits(TelemetrySource.Text, name));

    private static List<string> WorkbookQueries()
    {
        var workbook = JsonNode.Parse(File.ReadAllText(AzureTemplate.WorkbookPath))!.AsObject();
        Assert.Equal("Notebook/1.0", workbook["version"]!.GetValue<string>());
        return workbook["items"]!.AsArray()
            .Select(item => item!["content"]!["query"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
    }

    // A KQL string literal; those without a letter (separators given to split() or strcat()) are not names.
    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex KqlLiteral();
}
