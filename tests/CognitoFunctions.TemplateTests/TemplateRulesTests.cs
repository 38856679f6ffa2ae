using System.Globalization;
using System.Text.Json.Nodes;
using CognitoFunctions.Cognito;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

public sealed class TemplateRulesTests
{
    private static readonly string TemplateText = File.ReadAllText(RepositoryLayout.AwsCognitoTemplate);

    private static readonly Dictionary<string, string> AzureAndSes = new()
    {
        ["AzureTenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["AzureApplicationIdUri"] = "api://cognito-functions-aws",
        ["AzureManagedIdentityPrincipalId"] = "0b7d9a43-5bd4-4f0a-9a3b-7f6c2d1e8a90",
        ["SesIdentityArn"] = "arn:aws:ses:us-east-1:123456789012:identity/example.com",
        ["SesFromAddress"] = "Example <no-reply@example.com>",
    };

    /// <summary>Parameter sets: the defaults, every Number parameter at its MinValue, at its MaxValue, and the optional parts switched on.</summary>
    public static TheoryData<string, Dictionary<string, string>> ParameterSets()
    {
        var numbers = CloudFormationYaml.Parse(TemplateText)["Parameters"]!.AsObject()
            .Where(p => p.Value!["Type"]!.GetValue<string>() == "Number")
            .ToList();
        string Bound(KeyValuePair<string, JsonNode?> p, string bound) => p.Value![bound]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);

        var data = new TheoryData<string, Dictionary<string, string>>
        {
            { "defaults", new Dictionary<string, string>() },
            { "numbers at MinValue", numbers.ToDictionary(p => p.Key, p => Bound(p, "MinValue")) },
            { "numbers at MaxValue", numbers.ToDictionary(p => p.Key, p => Bound(p, "MaxValue")) },
            { "Azure federation and SES", AzureAndSes },
            { "client secret", new Dictionary<string, string> { ["GenerateClientSecret"] = "true" } },
            { "MFA off", new Dictionary<string, string> { ["MfaConfiguration"] = "OFF" } },
            { "MFA required, email codes and threat protection enforced", SignInSecurityTests.EverythingOn },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void The_template_complies_with_every_rule(string name, Dictionary<string, string> parameters)
    {
        var template = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), parameters);

        var violations = TemplateRules.Check(template);

        Assert.True(violations.Count == 0, $"{name}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_federation_resources_exist_only_when_every_Azure_value_is_given()
    {
        var withoutAzure = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText));
        var partial = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), new Dictionary<string, string> { ["AzureTenantId"] = AzureAndSes["AzureTenantId"] });
        var withAzure = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), AzureAndSes);

        Assert.Empty(withoutAzure.OfType("AWS::IAM::Role"));
        Assert.Empty(partial.OfType("AWS::IAM::OIDCProvider"));
        Assert.False(withoutAzure.Outputs.ContainsKey("AwsRoleArn"));

        var provider = withAzure.Single("AWS::IAM::OIDCProvider").Properties;
        Assert.Equal($"https://sts.windows.net/{AzureAndSes["AzureTenantId"]}/", provider["Url"]!.GetValue<string>());
        Assert.Equal(AzureAndSes["AzureApplicationIdUri"], Assert.Single(provider["ClientIdList"]!.AsArray())!.GetValue<string>());

        var trust = JsonNode.Parse(withAzure.Single("AWS::IAM::Role").Properties["AssumeRolePolicyDocument"]!.GetValue<string>())!;
        var statement = Assert.Single(trust["Statement"]!.AsArray())!;
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement["Action"]!.GetValue<string>());
        Assert.Equal("AzureOidcProvider", statement["Principal"]!["Federated"]!.GetValue<string>());
        var conditions = statement["Condition"]!["StringEquals"]!;
        Assert.Equal(AzureAndSes["AzureApplicationIdUri"], conditions[$"sts.windows.net/{AzureAndSes["AzureTenantId"]}/:aud"]!.GetValue<string>());
        Assert.Equal(AzureAndSes["AzureManagedIdentityPrincipalId"], conditions[$"sts.windows.net/{AzureAndSes["AzureTenantId"]}/:sub"]!.GetValue<string>());
        Assert.Equal("arn:FunctionAppRole", withAzure.Outputs["AwsRoleArn"]!.GetValue<string>());
    }

    [Fact]
    public void Ses_is_used_only_when_an_identity_is_given()
    {
        var withoutSes = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText)).Single("AWS::Cognito::UserPool").Properties["EmailConfiguration"]!;
        var withSes = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), AzureAndSes).Single("AWS::Cognito::UserPool").Properties["EmailConfiguration"]!;

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["EmailSendingAccount"] = "COGNITO_DEFAULT" }, withoutSes), withoutSes.ToJsonString());
        Assert.Equal("DEVELOPER", withSes["EmailSendingAccount"]!.GetValue<string>());
        Assert.Equal(AzureAndSes["SesIdentityArn"], withSes["SourceArn"]!.GetValue<string>());
    }

    [Fact]
    public void The_app_role_is_granted_exactly_the_signed_operations_of_the_client_the_app_uses()
    {
        var policy = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), AzureAndSes).Single("AWS::IAM::ManagedPolicy").Properties["PolicyDocument"]!;

        var granted = policy["Statement"]!.AsArray().SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())).ToList();

        Assert.Equal(CognitoOperations.IamActions.Order(StringComparer.Ordinal), granted.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("cognito-idp:AdminAddUserToGroup", granted);
    }

    [Fact]
    public void An_email_change_takes_effect_only_once_the_new_address_is_proven()
    {
        var template = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText));

        var pool = template.Single("AWS::Cognito::UserPool").Properties;
        var client = template.Single("AWS::Cognito::UserPoolClient").Properties;

        Assert.Contains("email", client["WriteAttributes"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["email"], pool["UserAttributeUpdateSettings"]!["AttributesRequireVerificationBeforeUpdate"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains("email", pool["AutoVerifiedAttributes"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    /// <summary>The optional parts and every sign-in security option switched on: each mistake below is made in this stack.</summary>
    private static readonly Dictionary<string, string> Everything = AzureAndSes
        .Concat(SignInSecurityTests.EverythingOn.Where(p => !AzureAndSes.ContainsKey(p.Key)))
        .ToDictionary();

    /// <summary>Each rule catches the mistake it exists for (so a passing check above means something).</summary>
    public static TheoryData<string, string, string> Mistakes() => new()
    {
        { "AccessToken: minutes", "AccessToken: minute", "TokenValidityUnits.AccessToken 'minute' is not one of" },
        { "        IdToken: minutes\n", "", "IdTokenValidity has no TokenValidityUnits.IdToken" },
        { "IdToken: minutes", "IdToken: hours", "IdTokenValidity 60 hours is outside" },
        { "RefreshToken: days", "RefreshToken: minutes", "RefreshTokenValidity 30 minutes is outside" },
        { "- ALLOW_REFRESH_TOKEN_AUTH", "- ALLOW_REFRESH_TOKENS", "unknown flow 'ALLOW_REFRESH_TOKENS'" },
        { "- ALLOW_REFRESH_TOKEN_AUTH", "- ALLOW_REFRESH_TOKEN_AUTH\n        - ADMIN_NO_SRP_AUTH", "mixes legacy names" },
        { "- ALLOW_REFRESH_TOKEN_AUTH", "- ALLOW_REFRESH_TOKEN_AUTH\n        - ALLOW_USER_PASSWORD_AUTH", "the app needs exactly" },
        { "PreventUserExistenceErrors: ENABLED", "PreventUserExistenceErrors: LEGACY", "PreventUserExistenceErrors is not ENABLED" },
        { "EnableTokenRevocation: true", "EnableTokenRevocation: false", "EnableTokenRevocation is not true" },
        { "MinimumLength: !Ref PasswordMinimumLength", "MinimumLength: 6", "MinimumLength 6 is outside 8..99" },
        { "RequireSymbols: true", "RequireSymbols: false", "RequireSymbols is not true" },
        { "AllowAdminCreateUserOnly: true", "AllowAdminCreateUserOnly: false", "AllowAdminCreateUserOnly is not true" },
        { "Resource: !GetAtt UserPool.Arn", "Resource: '*'", "wildcard Resource" },
        { "Resource: !GetAtt UserPool.Arn", "Resource: !Sub 'arn:aws:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/*'", "wildcard Resource" },
        { "- cognito-idp:ListUsers", "- cognito-idp:*", "action 'cognito-idp:*'" },
        { "- cognito-idp:ListUsers", "- cognito-idp:ListUsers\n              - cognito-idp:AdminDeleteUserAttributes", "action 'cognito-idp:AdminDeleteUserAttributes'" },
        { "- cognito-idp:ListUsers", "- cognito-idp:ListUsers\n              - cognito-idp:AdminAddUserToGroup", "action 'cognito-idp:AdminAddUserToGroup' is not one the app calls" },
        { "              - cognito-idp:DescribeUserPoolClient\n", "", "does not grant 'cognito-idp:DescribeUserPoolClient'" },
        { "AttributesRequireVerificationBeforeUpdate: [email]", "AttributesRequireVerificationBeforeUpdate: []", "AttributesRequireVerificationBeforeUpdate does not hold email" },
        { "\"sts.windows.net/${AzureTenantId}/:sub\": \"${AzureManagedIdentityPrincipalId}\"", "\"sts.windows.net/${AzureTenantId}/:oid\": \"${AzureManagedIdentityPrincipalId}\"", "not conditioned on both aud and sub" },
        { "UserPoolTier: !If [HasThreatProtection, PLUS, ESSENTIALS]", "UserPoolTier: !If [HasThreatProtection, ESSENTIALS, ESSENTIALS]", "needs the Plus feature plan, but UserPoolTier is ESSENTIALS" },
        { "UserPoolTier: !If [HasThreatProtection, PLUS, ESSENTIALS]", "UserPoolTier: LITE", "EMAIL_OTP, which needs the Essentials or Plus" },
        { "UserPoolTier: !If [HasThreatProtection, PLUS, ESSENTIALS]", "UserPoolTier: !If [HasThreatProtection, PREMIUM, ESSENTIALS]", "UserPoolTier 'PREMIUM' is not one of" },
        { "EmailSendingAccount: !If [UseSes, DEVELOPER, COGNITO_DEFAULT]", "EmailSendingAccount: COGNITO_DEFAULT", "EMAIL_OTP, which needs EmailConfiguration.EmailSendingAccount DEVELOPER" },
        { "AdvancedSecurityMode: !Ref ThreatProtection", "AdvancedSecurityMode: ENFORCE", "AdvancedSecurityMode 'ENFORCE' is not one of" },
        { "MfaConfiguration: !Ref MfaConfiguration", "MfaConfiguration: REQUIRED", "MfaConfiguration 'REQUIRED' is not one of" },
        { "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP]", "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP, SMS_MFA]", "SMS_MFA without SmsConfiguration.SnsCallerArn" },
        { "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP]", "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP, SMS_MFA]", "no app client can write phone_number" },
        { "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP]", "Enabled: [SOFTWARE_TOKEN, EMAIL_OTP]", "unknown factor 'SOFTWARE_TOKEN'" },
        { "Enabled: [SOFTWARE_TOKEN_MFA, EMAIL_OTP]", "Enabled: []", "offers no factor" },
        { "- ALLOW_REFRESH_TOKEN_AUTH", "- ALLOW_REFRESH_TOKEN_AUTH\n        - ALLOW_USER_AUTH", "the app needs exactly" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_template_with_a_known_mistake_is_rejected(string original, string replacement, string expectedViolation)
    {
        Assert.Contains(original, TemplateText, StringComparison.Ordinal);
        var mutated = TemplateText.Replace(original, replacement, StringComparison.Ordinal);

        var violations = TemplateRules.Check(EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(mutated), Everything));

        Assert.Contains(violations, v => v.Contains(expectedViolation, StringComparison.Ordinal));
    }
}
