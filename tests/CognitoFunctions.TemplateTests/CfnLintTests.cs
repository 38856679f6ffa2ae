using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>cfn-lint with the @aws-cdk/cfnspec resource specification: property names, types, required properties, Ref and GetAtt targets.</summary>
public sealed class CfnLintTests
{
    private static readonly string[] AzureAndSes =
    [
        "AzureTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47",
        "AzureApplicationIdUri=api://cognito-functions-aws",
        "AzureManagedIdentityPrincipalId=0b7d9a43-5bd4-4f0a-9a3b-7f6c2d1e8a90",
        "SesIdentityArn=arn:aws:ses:us-east-1:123456789012:identity/example.com",
        "SesFromAddress=no-reply@example.com",
    ];

    [Fact]
    public async Task The_template_is_valid_with_its_defaults()
    {
        var report = await LintAsync(RepositoryLayout.AwsCognitoTemplate);

        Assert.True(report.Valid, report.Text);
    }

    [Fact]
    public async Task The_template_is_valid_with_the_Azure_federation_and_SES()
    {
        var report = await LintAsync(RepositoryLayout.AwsCognitoTemplate, AzureAndSes);

        Assert.True(report.Valid, report.Text);
    }

    [Fact]
    public async Task The_template_is_valid_with_every_sign_in_security_option_on()
    {
        var report = await LintAsync(RepositoryLayout.AwsCognitoTemplate, [.. SignInSecurityTests.EverythingOn.Select(p => $"{p.Key}={p.Value}")]);

        Assert.True(report.Valid, report.Text);
    }

    [Theory]
    [InlineData("      EnableTokenRevocation: true\n", "      EnableTokenRevocation: true\n      EnableTokenRevocations: true\n", "EnableTokenRevocations is not a valid property of AWS::Cognito::UserPoolClient")]
    [InlineData("!GetAtt UserPool.Arn", "!GetAtt UserPool.Name", "No such attribute Name on AWS::Cognito::UserPool")]
    [InlineData("      UserPoolId: !Ref UserPool\n      GenerateSecret", "      UserPoolId: !Ref UserPools\n      GenerateSecret", "Referenced value UserPools does not exist")]
    [InlineData("      EnableTokenRevocation: true\n", "      EnableTokenRevocation: [true]\n", "EnableTokenRevocation")]
    [InlineData("      UserPoolTier: !If", "      UserPoolTiers: !If", "UserPoolTiers is not a valid property of AWS::Cognito::UserPool")]
    [InlineData("      UserPoolTier: !If [HasThreatProtection, PLUS, ESSENTIALS]", "      UserPoolTier: [PLUS]", "UserPoolTier")]
    [InlineData("      - Assert: !Not [!Equals [!Ref SesIdentityArn, '']]", "      - Assert: !Not [!Equals [!Ref SesIdentity, '']]", "Rule references SesIdentity, which is not a parameter")]
    [InlineData("      - Assert: !Not [!Equals [!Ref SesIdentityArn, '']]", "      - Assert: !Not [!Equals [!GetAtt UserPool.Arn, '']]", "Function Fn::GetAtt is not allowed in a rule")]
    public async Task The_linter_catches_what_it_is_there_for(string original, string replacement, string expected)
    {
        var text = await File.ReadAllTextAsync(RepositoryLayout.AwsCognitoTemplate);
        Assert.Contains(original, text, StringComparison.Ordinal);
        using var folder = new TemporaryFolder("cfn-lint-");
        var path = folder.File("template.yaml");
        await File.WriteAllTextAsync(path, text.Replace(original, replacement, StringComparison.Ordinal));

        var report = await LintAsync(path);

        Assert.False(report.Valid, report.Text);
        Assert.Contains(expected, report.Text, StringComparison.Ordinal);
    }

    private static async Task<(bool Valid, string Text)> LintAsync(string template, params string[] parameters)
    {
        var result = await NodeProcess.RunAsync("cfn-lint.cjs", [template, .. parameters]);
        var report = JsonNode.Parse(result.StandardOutput)!;
        var valid = result.ExitCode == 0 && report["valid"]!.GetValue<bool>();
        return (valid, result.StandardOutput + result.StandardError);
    }
}
