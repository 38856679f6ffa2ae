using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// scripts/bicep-check.sh, the gate scripts/test.sh runs: the template compiles and lints with no diagnostic at all, and
/// a template with a known mistake fails the gate (the CLI itself exits 0 on warnings).
/// </summary>
public sealed class BicepCheckTests
{
    [Fact]
    public async Task The_template_compiles_and_lints_without_a_diagnostic()
    {
        var result = await BicepCli.CheckAsync(RepositoryLayout.AzureFunctionAppTemplate);

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.Equal(2, result.StandardOutput.Split('\n').Count(l => l.EndsWith(": no diagnostics", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("'${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'", "'https://${storage.name}.blob.core.windows.net/${deploymentContainerName}'", "no-hardcoded-env-urls")]
    [InlineData("param cognitoAuthRealm string = 'cognito'\n", "param cognitoAuthRealm string = 'cognito'\n\nparam cognitoAuthForgotten string = ''\n", "no-unused-params")]
    [InlineData("@secure()\nparam cognitoClientSecret string", "param cognitoClientSecret string", "secure-secrets-in-params")]
    [InlineData("    httpsOnly: true\n", "    httpsOnly: true\n    httpsOnlyy: true\n", "BCP037")]
    public async Task A_seeded_mistake_fails_the_check(string original, string replacement, string diagnostic)
    {
        var text = AzureTemplate.Text;
        Assert.Contains(original, text, StringComparison.Ordinal);
        using var folder = new TemporaryFolder("bicep-check-");
        var mutated = await AzureTemplate.WriteCopyAsync(folder, text.Replace(original, replacement, StringComparison.Ordinal));

        var result = await BicepCli.CheckAsync(mutated);

        Assert.True(result.ExitCode != 0, result.StandardOutput);
        Assert.Contains(diagnostic, result.StandardError, StringComparison.Ordinal);
    }
}
