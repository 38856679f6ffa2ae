using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

public sealed class TemplateParsingTests
{
    [Fact]
    public void Short_form_tags_read_as_their_long_form()
    {
        var template = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate);
        var resources = template["Resources"]!;

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Ref"] = "UserPool" }, resources["UserPoolClient"]!["Properties"]!["UserPoolId"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::GetAtt"] = new JsonArray("UserPool", "Arn") }, resources["FunctionAppPolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]![0]!["Resource"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["Fn::Sub"] = "${AWS::StackName}-app" }, resources["UserPoolClient"]!["Properties"]!["ClientName"]));
        Assert.Equal("Fn::Not", template["Conditions"]!["HasAzureFederation"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task The_template_reads_the_same_as_with_the_yaml_cfn_parser()
    {
        var result = await NodeProcess.RunAsync("cfn-yaml-to-json.cjs", [RepositoryLayout.AwsCognitoTemplate]);
        Assert.True(result.ExitCode == 0, result.StandardError);

        var theirs = JsonNode.Parse(result.StandardOutput);
        var ours = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate);

        Assert.True(JsonNode.DeepEquals(theirs, ours), "the two parsers disagree on aws-cognito.yaml");
    }

    [Theory]
    [InlineData("Resources:\n  A: !GetAtt NoDot\n", "is not Resource.Attribute")]
    [InlineData("Resources:\n  A: 1\n  A: 2\n", "Duplicate key A")]
    [InlineData("a: 1\n---\nb: 2\n", "one YAML document")]
    [InlineData("- a\n- b\n", "root is not a mapping")]
    [InlineData("Resources:\n  A: !Ref [x]\n", "needs a scalar")]
    [InlineData("A: !!binary aGVsbG8=\n", "Unsupported YAML tag")]
    public void Malformed_templates_are_refused_with_a_reason(string yaml, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CloudFormationYaml.Parse(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
