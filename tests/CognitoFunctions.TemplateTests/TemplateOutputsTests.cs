using System.Text.RegularExpressions;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

public sealed partial class TemplateOutputsTests
{
    /// <summary>Outputs that are for people, not settings: the issuer is derived from region and pool id.</summary>
    private static readonly string[] Informational = ["CognitoIssuer", "FunctionAppPolicyArn"];

    [Fact]
    public void Every_output_names_a_setting_of_the_sample_settings()
    {
        var outputs = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate)["Outputs"]!.AsObject();
        var settings = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample);

        var unmatched = outputs
            .Select(o => o.Key)
            .Except(Informational)
            .Where(name => !settings.ContainsKey(SettingName(name)))
            .ToList();

        Assert.True(unmatched.Count == 0, "outputs without a setting: " + string.Join(", ", unmatched.Select(n => $"{n} (expected {SettingName(n)})")));
        Assert.All(Informational, name => Assert.True(outputs.ContainsKey(name), $"{name} is listed as informational but is no output"));
    }

    [Theory]
    [InlineData("CognitoUserPoolId", "Cognito__UserPoolId")]
    [InlineData("CognitoJwksUri", "Cognito__JwksUri")]
    [InlineData("AwsRoleArn", "Aws__RoleArn")]
    public void Output_names_map_to_settings_by_their_first_word(string output, string setting) =>
        Assert.Equal(setting, SettingName(output));

    // CognitoUserPoolId → Cognito__UserPoolId: the first capitalised word is the configuration section.
    private static string SettingName(string output) => FirstWord().Replace(output, "$1__", 1);

    [GeneratedRegex("^([A-Z][a-z]+)")]
    private static partial Regex FirstWord();
}
