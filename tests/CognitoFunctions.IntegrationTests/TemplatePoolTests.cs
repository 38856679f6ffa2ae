using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using OtpNet;

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

        await fixture.CreateUserAsync(email, password);
        var result = await fixture.LogInAsync(email, password);

        var id = Jwt.Payload(result["IdToken"]!.GetValue<string>());
        var access = Jwt.Payload(result["AccessToken"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(result["RefreshToken"]?.GetValue<string>()));

        Assert.Equal(fixture.Pool.Issuer, id["iss"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.ClientId, id["aud"]!.GetValue<string>());
        Assert.Equal("id", id["token_use"]!.GetValue<string>());
        Assert.Equal(email, id["email"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.Issuer, access["iss"]!.GetValue<string>());
        Assert.Equal(fixture.Pool.ClientId, access["client_id"]!.GetValue<string>());
        Assert.Equal("access", access["token_use"]!.GetValue<string>());

        // Lifetimes come from the template's client (minutes units), not cognito-local's 24-hour default.
        Assert.Equal(Minutes("IdTokenValidityMinutes"), Jwt.Lifetime(id));
        Assert.Equal(Minutes("AccessTokenValidityMinutes"), Jwt.Lifetime(access));

        var jwks = JsonNode.Parse(await fixture.Http.GetStringAsync(fixture.Pool.JwksUri))!;
        var kid = Jwt.Header(result["IdToken"]!.GetValue<string>())["kid"]!.GetValue<string>();
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
        // Sending the code that proves an email (GetUserAttributeVerificationCode) needs email among the auto-verified attributes.
        Assert.Equal(["email"], pool["AutoVerifiedAttributes"]!.AsArray().Select(v => v!.GetValue<string>()));

        foreach (var property in new[] { "ExplicitAuthFlows", "PreventUserExistenceErrors", "EnableTokenRevocation", "AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits", "ReadAttributes", "WriteAttributes" })
        {
            Assert.True(JsonNode.DeepEquals(templateClient[property], client[property]), $"{property}: template {templateClient[property]?.ToJsonString()}, client {client[property]?.ToJsonString()}");
        }

        Assert.Null(client["ClientSecret"]);
        Assert.Equal(Properties("AdminGroup")["GroupName"]!.GetValue<string>(), Assert.Single(groups)!["GroupName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_changing_their_own_email_keeps_the_old_one_until_the_new_one_is_proven()
    {
        // The app client may write email (WriteAttributes), so an access token is enough to ask for the change; the
        // pool's AttributesRequireVerificationBeforeUpdate holds it back until the code sent to the new address comes back.
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var taken = $"victim-{Guid.NewGuid():N}@example.com";
        const string password = "Correct-Horse-9";
        await fixture.CreateUserAsync(email, password);
        var access = (await fixture.LogInAsync(email, password))["AccessToken"]!.GetValue<string>();
        var sub = Jwt.Payload(access)["sub"]!.GetValue<string>();

        var update = await fixture.Api.CallAsync("UpdateUserAttributes", new JsonObject
        {
            ["AccessToken"] = access,
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = taken }),
        });
        var pending = await EmailOfAsync(sub);
        await fixture.Api.CallAsync("VerifyUserAttribute", new JsonObject { ["AccessToken"] = access, ["AttributeName"] = "email", ["Code"] = CognitoLocalServer.FixedCode });
        var proven = await EmailOfAsync(sub);

        Assert.Equal(email, pending);
        Assert.Equal("EMAIL", Assert.Single(update["CodeDeliveryDetailsList"]!.AsArray())!["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal(taken, proven);
    }

    [Fact]
    public async Task The_pool_has_the_templates_MFA_factors_and_threat_protection()
    {
        // CloudFormation's MfaConfiguration and EnabledMfas reach the pool through SetUserPoolMfaConfig, as in AWS.
        var mfa = await fixture.Api.CallAsync("GetUserPoolMfaConfig", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId });
        var pool = (await fixture.Api.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId }))["UserPool"]!;
        var templatePool = Properties("UserPool");

        Assert.Equal("OPTIONAL", templatePool["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal("OPTIONAL", mfa["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal("OPTIONAL", pool["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal(["SOFTWARE_TOKEN_MFA"], templatePool["EnabledMfas"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.True(mfa["SoftwareTokenMfaConfiguration"]!["Enabled"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(templatePool["UserPoolAddOns"], pool["UserPoolAddOns"]), pool["UserPoolAddOns"]?.ToJsonString());
    }

    [Fact]
    public async Task A_login_challenge_is_completed_with_its_session_on_the_template_pool_without_another_auth_flow()
    {
        // The template's client allows only ALLOW_ADMIN_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH: answering a
        // challenge needs no flow of its own. cognito-local stores the flows without enforcing them, and only its
        // InitiateAuth answers MFA challenges (its AdminInitiateAuth never does): so the challenge is started here
        // with InitiateAuth, and the pool needs no ALLOW_USER_PASSWORD_AUTH for it.
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        const string password = "Correct-Horse-9";
        await fixture.CreateUserAsync(email, password);
        var access = (await fixture.LogInAsync(email, password))["AccessToken"]!.GetValue<string>();
        var secret = (await fixture.Api.CallAsync("AssociateSoftwareToken", new JsonObject { ["AccessToken"] = access }))["SecretCode"]!.GetValue<string>();
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        await fixture.Api.CallAsync("VerifySoftwareToken", new JsonObject { ["AccessToken"] = access, ["UserCode"] = totp.ComputeTotp() });
        await fixture.Api.CallAsync("SetUserMFAPreference", new JsonObject
        {
            ["AccessToken"] = access,
            ["SoftwareTokenMfaSettings"] = new JsonObject { ["Enabled"] = true, ["PreferredMfa"] = true },
        });

        var challenge = await fixture.Api.CallAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = fixture.Pool.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["PASSWORD"] = password },
        });
        var answer = await fixture.Api.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ClientId"] = fixture.Pool.ClientId,
            ["ChallengeName"] = "SOFTWARE_TOKEN_MFA",
            ["Session"] = challenge["Session"]!.DeepClone(),
            ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = email, ["SOFTWARE_TOKEN_MFA_CODE"] = totp.ComputeTotp() },
        });

        Assert.DoesNotContain("ALLOW_USER_PASSWORD_AUTH", Properties("UserPoolClient")["ExplicitAuthFlows"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("SOFTWARE_TOKEN_MFA", challenge["ChallengeName"]!.GetValue<string>());
        Assert.Null(challenge["AuthenticationResult"]);
        Assert.Equal(email, Jwt.Payload(answer["AuthenticationResult"]!["IdToken"]!.GetValue<string>())["email"]!.GetValue<string>());
        // The gap: cognito-local's AdminInitiateAuth gives this user tokens without asking for the code.
        Assert.NotNull((await fixture.LogInAsync(email, password))["AccessToken"]);
    }

    private async Task<string?> EmailOfAsync(string username)
    {
        var user = await fixture.Api.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId, ["Username"] = username });
        return user["UserAttributes"]!.AsArray().FirstOrDefault(a => a!["Name"]!.GetValue<string>() == "email")?["Value"]!.GetValue<string>();
    }

    private static JsonObject Properties(string logicalId)
    {
        var evaluator = new TemplateEvaluator(CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate));
        evaluator.RecordResource("UserPool", "pool-id", new Dictionary<string, string> { ["Arn"] = "pool-arn" });
        var resource = evaluator.Resources.Single(r => r.LogicalId == logicalId).Resource;
        return evaluator.Evaluate(resource["Properties"])!.AsObject();
    }

    private static long Minutes(string parameter) => Defaults.Parameter(parameter)!.GetValue<long>() * 60;
}
