using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>The template's MFA and threat protection parameters: Cognito's values, safe defaults, and the pool each choice makes.</summary>
public sealed class SignInSecurityTests
{
    private static readonly string TemplateText = File.ReadAllText(RepositoryLayout.AwsCognitoTemplate);

    /// <summary>Every sign-in security option on, with the SES identity email codes need.</summary>
    internal static readonly Dictionary<string, string> EverythingOn = new()
    {
        ["MfaConfiguration"] = "ON",
        ["MfaEmailOtp"] = "true",
        ["ThreatProtection"] = "ENFORCED",
        ["SesIdentityArn"] = "arn:aws:ses:us-east-1:123456789012:identity/example.com",
        ["SesFromAddress"] = "Example <no-reply@example.com>",
    };

    [Fact]
    public void The_parameters_offer_Cognitos_own_values_with_safe_defaults()
    {
        var parameters = CloudFormationYaml.Parse(TemplateText)["Parameters"]!;

        Assert.Equal(TemplateRules.MfaModes.Order(), AllowedValues(parameters["MfaConfiguration"]!).Order());
        Assert.Equal(TemplateRules.ThreatProtectionModes.Order(), AllowedValues(parameters["ThreatProtection"]!).Order());
        Assert.Equal(["false", "true"], AllowedValues(parameters["MfaEmailOtp"]!).Order());

        // Users may enrol an authenticator app and nobody is forced to; nothing needs SES, SNS or the Plus plan.
        Assert.Equal("OPTIONAL", parameters["MfaConfiguration"]!["Default"]!.GetValue<string>());
        Assert.Equal("false", parameters["MfaEmailOtp"]!["Default"]!.GetValue<string>());
        Assert.Equal("OFF", parameters["ThreatProtection"]!["Default"]!.GetValue<string>());
    }

    [Fact]
    public void With_the_defaults_users_may_enrol_an_authenticator_app_on_the_Essentials_plan()
    {
        var pool = Pool([]);

        Assert.Equal("OPTIONAL", pool["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal(["SOFTWARE_TOKEN_MFA"], Factors(pool));
        Assert.Equal("ESSENTIALS", pool["UserPoolTier"]!.GetValue<string>());
        Assert.Equal("OFF", pool["UserPoolAddOns"]!["AdvancedSecurityMode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("OFF", "false", "OFF", "", "ESSENTIALS")]
    [InlineData("OPTIONAL", "false", "AUDIT", "SOFTWARE_TOKEN_MFA", "PLUS")]
    [InlineData("OPTIONAL", "true", "OFF", "SOFTWARE_TOKEN_MFA EMAIL_OTP", "ESSENTIALS")]
    [InlineData("ON", "false", "OFF", "SOFTWARE_TOKEN_MFA", "ESSENTIALS")]
    [InlineData("ON", "true", "ENFORCED", "SOFTWARE_TOKEN_MFA EMAIL_OTP", "PLUS")]
    public void Each_choice_makes_the_pool_it_names(string mfa, string emailOtp, string threatProtection, string factors, string plan)
    {
        var parameters = new Dictionary<string, string>
        {
            ["MfaConfiguration"] = mfa,
            ["MfaEmailOtp"] = emailOtp,
            ["ThreatProtection"] = threatProtection,
            ["SesIdentityArn"] = EverythingOn["SesIdentityArn"],
        };
        var template = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), parameters);
        var pool = template.Single("AWS::Cognito::UserPool").Properties;

        Assert.Equal(mfa, pool["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal(factors.Split(' ', StringSplitOptions.RemoveEmptyEntries), Factors(pool));
        Assert.Equal(mfa == "OFF", pool["EnabledMfas"] is null);
        Assert.Equal(plan, pool["UserPoolTier"]!.GetValue<string>());
        Assert.Equal(threatProtection, pool["UserPoolAddOns"]!["AdvancedSecurityMode"]!.GetValue<string>());
        Assert.Empty(TemplateRules.Check(template));
    }

    [Theory]
    [InlineData("MfaEmailOtp=true", "needs SesIdentityArn")]
    [InlineData("MfaEmailOtp=true MfaConfiguration=OFF SesIdentityArn=arn:aws:ses:us-east-1:123456789012:identity/example.com", "needs MfaConfiguration OPTIONAL or ON")]
    [InlineData("MfaConfiguration=REQUIRED", "not among its AllowedValues")]
    [InlineData("ThreatProtection=ON", "not among its AllowedValues")]
    public void A_stack_refuses_a_combination_Cognito_would_fail_on(string given, string expected)
    {
        var parameters = given.Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var refusal = Assert.Throws<ArgumentException>(() => new TemplateEvaluator(CloudFormationYaml.Parse(TemplateText), parameters));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_a_login_challenge_needs_no_auth_flow_beyond_starting_and_refreshing_the_login()
    {
        foreach (var parameters in new[] { new Dictionary<string, string>(), EverythingOn })
        {
            var client = EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), parameters).Single("AWS::Cognito::UserPoolClient").Properties;
            var flows = client["ExplicitAuthFlows"]!.AsArray().Select(f => f!.GetValue<string>()).Order(StringComparer.Ordinal);

            Assert.Equal(["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], flows);
        }

        Assert.Null(TemplateRules.LoginSteps["AdminRespondToAuthChallenge"]);
        Assert.Null(TemplateRules.LoginSteps["AssociateSoftwareToken with the login's session"]);
        Assert.Null(TemplateRules.LoginSteps["VerifySoftwareToken with the login's session"]);
        Assert.Equal(["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], TemplateRules.RequiredAuthFlows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Factors_offered_with_MFA_off_are_rejected()
    {
        var mutated = TemplateText.Replace("EnabledMfas: !If [MfaOff, !Ref AWS::NoValue,", "EnabledMfas: !If [MfaOff, [SOFTWARE_TOKEN_MFA],", StringComparison.Ordinal);
        Assert.NotEqual(TemplateText, mutated);

        var violations = TemplateRules.Check(EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(mutated), new Dictionary<string, string> { ["MfaConfiguration"] = "OFF" }));

        Assert.Contains(violations, v => v.Contains("MfaConfiguration is OFF but EnabledMfas offers factors", StringComparison.Ordinal));
    }

    private static JsonObject Pool(Dictionary<string, string> parameters) =>
        EvaluatedTemplate.Evaluate(CloudFormationYaml.Parse(TemplateText), parameters).Single("AWS::Cognito::UserPool").Properties;

    private static IEnumerable<string> Factors(JsonObject pool) => pool["EnabledMfas"]?.AsArray().Select(f => f!.GetValue<string>()) ?? [];

    private static IEnumerable<string> AllowedValues(JsonNode parameter) => parameter["AllowedValues"]!.AsArray().Select(v => v!.GetValue<string>());
}
