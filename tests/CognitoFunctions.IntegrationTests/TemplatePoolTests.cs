using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.IntegrationTests;

/// <summary>cognito-local provisioned from aws-cognito.yaml with the template's defaults.</summary>
public sealed class TemplatePoolTests(CognitoLocalFixture fixture) : IClassFixture<CognitoLocalFixture>
{
    private static readonly TemplateEvaluator Defaults = new(CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate));

    [Fact]
    public async Task A_user_created_in_the_template_pool_logs_in_and_gets_tokens_of_that_pool()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        const string password = "Correct-Horse-9";

        await fixture.Api.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = fixture.Pool.UserPoolId,
            ["Username"] = email,
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(
                new JsonObject { ["Name"] = "email", ["Value"] = email },
                new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        });
        await fixture.Api.CallAsync("AdminSetUserPassword", new JsonObject
        {
            ["UserPoolId"] = fixture.Pool.UserPoolId,
            ["Username"] = email,
            ["Password"] = password,
            ["Permanent"] = true,
        });
        var auth = await fixture.Api.CallAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = fixture.Pool.UserPoolId,
            ["ClientId"] = fixture.Pool.ClientId,
            ["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["PASSWORD"] = password },
        });

        var result = auth["AuthenticationResult"]!;
        var id = Payload(result["IdToken"]!.GetValue<string>());
        var access = Payload(result["AccessToken"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(result["RefreshToken"]?.GetValue<string>()));

        Assert.Equal(fixture.Pool.Issuer, id["iss"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.ClientId, id["aud"]!.GetValue<string>());
        Assert.Equal("id", id["token_use"]!.GetValue<string>());
        Assert.Equal(email, id["email"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.Issuer, access["iss"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.ClientId, access["client_id"]!.GetValue<string>());
        Assert.Equal("access", access["token_use"]!.GetValue<string>());

        // Lifetimes come from the template's client (minutes units), not cognito-local's 24-hour default.
        Assert.Equal(Minutes("IdTokenValidityMinutes"), Lifetime(id));
        Assert.Equal(Minutes("AccessTokenValidityMinutes"), Lifetime(access));

        var jwks = JsonNode.Parse(await fixture.Http.GetStringAsync(fixture.Pool.JwksUri))!;
        var kid = Header(result["IdToken"]!.GetValue<string>())["kid"]!.GetValue<string>();
        Assert.Contains(jwks["keys"]!.AsArray(), key => key!["kid"]!.GetValue<string>() == kid);
    }

    [Fact]
    public async Task The_pool_client_and_groups_carry_the_template_settings()
    {
        var pool = (await fixture.Api.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId }))["UserPool"]!;
        var client = (await fixture.Api.CallAsync("DescribeUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = fixture.Pool.UserPoolId,
            ["ClientId"] = fixture.Pool.ClientId,
        }))["UserPoolClient"]!;
        var groups = (await fixture.Api.CallAsync("ListGroups", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId }))["Groups"]!.AsArray();

        var templatePool = Properties("UserPool");
        var templateClient = Properties("UserPoolClient");

        Assert.Equal($"{Defaults.Parameter("AWS::StackName")}-users", pool["Name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(templatePool["Policies"]!["PasswordPolicy"], pool["Policies"]!["PasswordPolicy"]),
            $"password policy: template {templatePool["Policies"]!["PasswordPolicy"]!.ToJsonString()}, pool {pool["Policies"]!["PasswordPolicy"]!.ToJsonString()}");
        Assert.True(pool["AdminCreateUserConfig"]!["AllowAdminCreateUserOnly"]!.GetValue<bool>());
        Assert.Equal(["email"], pool["UsernameAttributes"]!.AsArray().Select(v => v!.GetValue<string>()));

        foreach (var property in new[] { "ExplicitAuthFlows", "PreventUserExistenceErrors", "EnableTokenRevocation", "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits", "ReadAttributes", "WriteAttributes" })
        {
            Assert.True(JsonNode.DeepEquals(templateClient[property], client[property]), $"{property}: template {templateClient[property]?.ToJsonString()}, client {client[property]?.ToJsonString()}");
        }

        Assert.Null(client["ClientSecret"]);
        Assert.Equal(Properties("AdminGroup")["GroupName"]!.GetValue<string>(), Assert.Single(groups)!["GroupName"]!.GetValue<string>());
    }

    private static JsonObject Properties(string logicalId)
    {
        var evaluator = new TemplateEvaluator(CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate));
        evaluator.RecordResource("UserPool", "pool-id", new Dictionary<string, string> { ["Arn"] = "pool-arn" });
        var resource = evaluator.Resources.Single(r => r.LogicalId == logicalId).Resource;
        return evaluator.Evaluate(resource["Properties"])!.AsObject();
    }

    private static long Minutes(string parameter) => Defaults.Parameter(parameter)!.GetValue<long>() * 60;

    internal static long Lifetime(JsonNode claims) => claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>();

    internal static JsonNode Payload(string jwt) => Decode(jwt.Split('.')[1]);

    private static JsonNode Header(string jwt) => Decode(jwt.Split('.')[0]);

    private static JsonNode Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!;
    }
}
