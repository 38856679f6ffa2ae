using System.Text.Json.Nodes;
using CognitoFunctions.Cognito;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// What the CloudFormation linter cannot check (it knows property names and types, not allowed values):
/// the allowed values and ranges of Cognito's API, and the security stance this project promises.
/// Each rule returns a readable violation; an empty list means the evaluated template complies.
/// </summary>
internal static class TemplateRules
{
    /// <summary>Every auth flow name Cognito accepts in ExplicitAuthFlows.</summary>
    public static readonly IReadOnlySet<string> KnownAuthFlows = new HashSet<string>(StringComparer.Ordinal)
    {
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH",
        "ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH",
    };

    /// <summary>
    /// Each call a login makes, from the password to the tokens, and the ExplicitAuthFlows entry it needs (null: none).
    /// An app client's flows gate only how InitiateAuth / AdminInitiateAuth start (their AuthFlow); answering a
    /// challenge with the session of that start (AdminRespondToAuthChallenge) and enrolling an authenticator app
    /// inside the login (AssociateSoftwareToken and VerifySoftwareToken with the session) need none of their own.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> LoginSteps = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH"] = "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        ["AdminInitiateAuth REFRESH_TOKEN_AUTH"] = "ALLOW_REFRESH_TOKEN_AUTH",
        ["AdminRespondToAuthChallenge"] = null,
        ["AssociateSoftwareToken with the login's session"] = null,
        ["VerifySoftwareToken with the login's session"] = null,
    };

    /// <summary>The flows the app's logins use, and so the only ones its client may allow.</summary>
    public static readonly IReadOnlySet<string> RequiredAuthFlows = LoginSteps.Values.OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Cognito's MfaConfiguration values: OFF, OPTIONAL (per user), ON (required).</summary>
    public static readonly IReadOnlySet<string> MfaModes = new HashSet<string>(StringComparer.Ordinal) { "OFF", "OPTIONAL", "ON" };

    /// <summary>Every factor Cognito accepts in EnabledMfas.</summary>
    public static readonly IReadOnlySet<string> MfaFactors = new HashSet<string>(StringComparer.Ordinal) { "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", "SMS_MFA" };

    /// <summary>Cognito's threat protection modes (UserPoolAddOns.AdvancedSecurityMode).</summary>
    public static readonly IReadOnlySet<string> ThreatProtectionModes = new HashSet<string>(StringComparer.Ordinal) { "OFF", "AUDIT", "ENFORCED" };

    /// <summary>Cognito's feature plans (UserPoolTier); a pool created without one is on ESSENTIALS.</summary>
    public static readonly IReadOnlySet<string> FeaturePlans = new HashSet<string>(StringComparer.Ordinal) { "LITE", "ESSENTIALS", "PLUS" };

    /// <summary>
    /// The IAM-authorised Cognito operations the app calls, read from the client the app uses (its operation catalog):
    /// exactly these must be granted, nothing else.
    /// </summary>
    public static readonly IReadOnlySet<string> AppOperations = CognitoOperations.IamActions.ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, TimeSpan> Units = new(StringComparer.Ordinal)
    {
        ["seconds"] = TimeSpan.FromSeconds(1),
        ["minutes"] = TimeSpan.FromMinutes(1),
        ["hours"] = TimeSpan.FromHours(1),
        ["days"] = TimeSpan.FromDays(1),
    };

    public static IReadOnlyList<string> Check(EvaluatedTemplate template)
    {
        var violations = new List<string>();
        foreach (var pool in template.OfType("AWS::Cognito::UserPool"))
        {
            CheckPool(pool.Properties, violations);
            CheckSignInSecurity(pool.Properties, template, violations);
        }

        foreach (var client in template.OfType("AWS::Cognito::UserPoolClient"))
        {
            CheckClient(client.Properties, violations);
        }

        foreach (var resource in template.Resources.Where(r => r.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal)))
        {
            CheckIam(resource, violations);
        }

        CheckGrantsEveryOperation(template, violations);
        CheckEmailChangesNeedProof(template, violations);
        return violations;
    }

    private static void CheckGrantsEveryOperation(EvaluatedTemplate template, List<string> violations)
    {
        var granted = template.Resources
            .Where(r => r.Type.StartsWith("AWS::IAM::", StringComparison.Ordinal))
            .SelectMany(r => PolicyDocuments(r).Where(d => d.Where != "trust policy"))
            .SelectMany(d => Statements(d.Document))
            .SelectMany(statement => Strings(statement?["Action"]))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var missing in AppOperations.Where(a => !granted.Contains(a)).Order(StringComparer.Ordinal))
        {
            violations.Add($"The IAM policy does not grant '{missing}', which the app calls.");
        }
    }

    // An app client that may write email (WriteAttributes lists it, or is absent: then every attribute is writable)
    // lets a user change their sign-in and recovery address with their own access token: the pool must hold the
    // change back until the new address is proven.
    private static void CheckEmailChangesNeedProof(EvaluatedTemplate template, List<string> violations)
    {
        var writesEmail = template.OfType("AWS::Cognito::UserPoolClient")
            .Any(c => c.Properties["WriteAttributes"] is null || Strings(c.Properties["WriteAttributes"]).Contains("email"));
        foreach (var pool in template.OfType("AWS::Cognito::UserPool"))
        {
            if (writesEmail && !Strings(pool.Properties["UserAttributeUpdateSettings"]?["AttributesRequireVerificationBeforeUpdate"]).Contains("email"))
            {
                violations.Add("The app client may write email, but UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate does not hold email: "
                    + "a user could change their email without proving the new address.");
            }
        }
    }

    private static void CheckSignInSecurity(JsonObject pool, EvaluatedTemplate template, List<string> violations)
    {
        var plan = pool["UserPoolTier"]?.GetValue<string>() ?? "ESSENTIALS";
        if (!FeaturePlans.Contains(plan))
        {
            violations.Add($"UserPoolTier '{plan}' is not one of LITE, ESSENTIALS, PLUS.");
        }

        var mode = pool["MfaConfiguration"]?.GetValue<string>();
        var factors = Strings(pool["EnabledMfas"]).ToList();
        if (mode is null || !MfaModes.Contains(mode))
        {
            violations.Add($"MfaConfiguration '{mode ?? "missing"}' is not one of OFF, OPTIONAL, ON.");
        }

        foreach (var unknown in factors.Where(f => !MfaFactors.Contains(f)))
        {
            violations.Add($"EnabledMfas holds unknown factor '{unknown}'.");
        }

        if (mode is "OPTIONAL" or "ON" && factors.Count == 0)
        {
            violations.Add($"MfaConfiguration is {mode} but EnabledMfas offers no factor: nobody could enrol one.");
        }

        if (mode == "OFF" && factors.Count > 0)
        {
            violations.Add("MfaConfiguration is OFF but EnabledMfas offers factors.");
        }

        if (factors.Contains("SMS_MFA"))
        {
            if (pool["SmsConfiguration"]?["SnsCallerArn"] is null)
            {
                violations.Add("EnabledMfas offers SMS_MFA without SmsConfiguration.SnsCallerArn: Cognito could not send the codes.");
            }

            if (!template.OfType("AWS::Cognito::UserPoolClient").Any(c => Strings(c.Properties["WriteAttributes"]).Contains("phone_number")))
            {
                violations.Add("EnabledMfas offers SMS_MFA, but no app client can write phone_number: no user could receive a code.");
            }
        }

        if (factors.Contains("EMAIL_OTP"))
        {
            if (pool["EmailConfiguration"]?["EmailSendingAccount"]?.GetValue<string>() != "DEVELOPER")
            {
                violations.Add("EnabledMfas offers EMAIL_OTP, which needs EmailConfiguration.EmailSendingAccount DEVELOPER (SES).");
            }

            if (plan == "LITE")
            {
                violations.Add("EnabledMfas offers EMAIL_OTP, which needs the Essentials or Plus feature plan.");
            }
        }

        var protection = pool["UserPoolAddOns"]?["AdvancedSecurityMode"]?.GetValue<string>() ?? "OFF";
        if (!ThreatProtectionModes.Contains(protection))
        {
            violations.Add($"UserPoolAddOns.AdvancedSecurityMode '{protection}' is not one of OFF, AUDIT, ENFORCED.");
        }
        else if (protection != "OFF" && plan != "PLUS")
        {
            violations.Add($"Threat protection {protection} needs the Plus feature plan, but UserPoolTier is {plan}.");
        }
    }

    private static void CheckPool(JsonObject pool, List<string> violations)
    {
        var policy = pool["Policies"]?["PasswordPolicy"];
        var minimum = policy?["MinimumLength"]?.GetValue<long>();
        if (minimum is null or < 8 or > 99)
        {
            violations.Add($"PasswordPolicy.MinimumLength {minimum?.ToString() ?? "missing"} is outside 8..99.");
        }

        foreach (var requirement in new[] { "RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols" })
        {
            if (policy?[requirement]?.GetValue<bool>() != true)
            {
                violations.Add($"PasswordPolicy.{requirement} is not true.");
            }
        }

        if (policy?["TemporaryPasswordValidityDays"]?.GetValue<long>() is not (>= 0 and <= 365))
        {
            violations.Add("PasswordPolicy.TemporaryPasswordValidityDays is outside 0..365.");
        }

        if (pool["AdminCreateUserConfig"]?["AllowAdminCreateUserOnly"]?.GetValue<bool>() != true)
        {
            violations.Add("AdminCreateUserConfig.AllowAdminCreateUserOnly is not true: anyone could call Cognito's public SignUp.");
        }

        if (!Strings(pool["UsernameAttributes"]).SequenceEqual(["email"]))
        {
            violations.Add("UsernameAttributes is not [email].");
        }

        if (!Strings(pool["AutoVerifiedAttributes"]).Contains("email"))
        {
            violations.Add("AutoVerifiedAttributes does not hold email.");
        }

        if (pool["Schema"] is not JsonArray schema || !schema.Any(a => a?["Name"]?.GetValue<string>() == "email" && a["Required"]?.GetValue<bool>() == true))
        {
            violations.Add("Schema does not require email.");
        }

        if (pool["DeletionProtection"]?.GetValue<string>() is not ("ACTIVE" or "INACTIVE"))
        {
            violations.Add("DeletionProtection is neither ACTIVE nor INACTIVE.");
        }

        if (!Strings(pool["AccountRecoverySetting"]?["RecoveryMechanisms"]?.AsArray().Select(m => m?["Name"])).SequenceEqual(["verified_email"]))
        {
            violations.Add("Account recovery is not by verified email alone.");
        }
    }

    private static void CheckClient(JsonObject client, List<string> violations)
    {
        var flows = Strings(client["ExplicitAuthFlows"]).ToList();
        foreach (var unknown in flows.Where(f => !KnownAuthFlows.Contains(f)))
        {
            violations.Add($"ExplicitAuthFlows holds unknown flow '{unknown}'.");
        }

        if (flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal)) && flows.Any(f => !f.StartsWith("ALLOW_", StringComparison.Ordinal)))
        {
            violations.Add("ExplicitAuthFlows mixes legacy names with ALLOW_ names, which Cognito rejects.");
        }

        if (!flows.ToHashSet().SetEquals(RequiredAuthFlows))
        {
            violations.Add($"ExplicitAuthFlows is [{string.Join(", ", flows)}]; the app needs exactly [{string.Join(", ", RequiredAuthFlows)}].");
        }

        if (client["PreventUserExistenceErrors"]?.GetValue<string>() != "ENABLED")
        {
            violations.Add("PreventUserExistenceErrors is not ENABLED: login and password reset would reveal which emails exist.");
        }

        if (client["EnableTokenRevocation"]?.GetValue<bool>() != true)
        {
            violations.Add("EnableTokenRevocation is not true: logout could not revoke refresh tokens.");
        }

        CheckValidity(client, "AccessTokenValidity", "AccessToken", TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), violations);
        CheckValidity(client, "IdTokenValidity", "IdToken", TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), violations);
        CheckValidity(client, "RefreshTokenValidity", "RefreshToken", TimeSpan.FromMinutes(60), TimeSpan.FromDays(3650), violations);
    }

    private static void CheckValidity(JsonObject client, string property, string unitName, TimeSpan min, TimeSpan max, List<string> violations)
    {
        var value = client[property]?.GetValue<long>();
        var unit = client["TokenValidityUnits"]?[unitName]?.GetValue<string>();
        if (value is null)
        {
            violations.Add($"{property} is not set: Cognito's default would apply.");
            return;
        }

        if (unit is null)
        {
            // Without units CloudFormation reads hours (access, ID) or days (refresh): the tutorial's mistake.
            violations.Add($"{property} has no TokenValidityUnits.{unitName}.");
            return;
        }

        if (!Units.TryGetValue(unit, out var size))
        {
            violations.Add($"TokenValidityUnits.{unitName} '{unit}' is not one of seconds, minutes, hours, days.");
            return;
        }

        var lifetime = size * value.Value;
        if (lifetime < min || lifetime > max)
        {
            violations.Add($"{property} {value} {unit} is outside {min}..{max}.");
        }
    }

    private static void CheckIam(EvaluatedResource resource, List<string> violations)
    {
        foreach (var (where, document) in PolicyDocuments(resource))
        {
            foreach (var statement in Statements(document))
            {
                var resources = Strings(statement?["Resource"]).ToList();
                if (resources.Any(r => r.Contains('*', StringComparison.Ordinal)))
                {
                    violations.Add($"{resource.LogicalId} {where}: a statement has a wildcard Resource.");
                }

                if (statement?["NotAction"] is not null || statement?["NotResource"] is not null)
                {
                    violations.Add($"{resource.LogicalId} {where}: NotAction/NotResource grant more than they name.");
                }

                if (where != "trust policy")
                {
                    if (statement?["Resource"] is null)
                    {
                        violations.Add($"{resource.LogicalId} {where}: a statement names no Resource.");
                    }

                    foreach (var action in Strings(statement?["Action"]))
                    {
                        if (action.Contains('*', StringComparison.Ordinal) || !AppOperations.Contains(action))
                        {
                            violations.Add($"{resource.LogicalId} {where}: action '{action}' is not one the app calls.");
                        }
                    }
                }
            }
        }

        if (resource.Type == "AWS::IAM::Role")
        {
            CheckTrust(resource, violations);
        }
    }

    private static void CheckTrust(EvaluatedResource role, List<string> violations)
    {
        var trust = Document(role.Properties["AssumeRolePolicyDocument"]);
        foreach (var statement in trust?["Statement"]?.AsArray() ?? [])
        {
            var keys = (statement?["Condition"]?["StringEquals"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
            if (!keys.Any(k => k.EndsWith(":aud", StringComparison.Ordinal)) || !keys.Any(k => k.EndsWith(":sub", StringComparison.Ordinal)))
            {
                violations.Add($"{role.LogicalId} trust policy: a statement is not conditioned on both aud and sub (StringEquals).");
            }
        }
    }

    private static IEnumerable<(string Where, JsonObject Document)> PolicyDocuments(EvaluatedResource resource)
    {
        if (Document(resource.Properties["PolicyDocument"]) is { } policy)
        {
            yield return ("policy", policy);
        }

        foreach (var inline in resource.Properties["Policies"]?.AsArray() ?? [])
        {
            if (Document(inline?["PolicyDocument"]) is { } document)
            {
                yield return ("inline policy", document);
            }
        }

        if (Document(resource.Properties["AssumeRolePolicyDocument"]) is { } trust)
        {
            yield return ("trust policy", trust);
        }
    }

    private static JsonArray Statements(JsonObject document) =>
        document["Statement"] is JsonArray statements ? statements : new JsonArray(document["Statement"]?.DeepClone());

    // Policy documents may be objects or JSON text (the role's trust policy is a substituted string).
    private static JsonObject? Document(JsonNode? node) => node switch
    {
        JsonObject obj => obj,
        JsonValue value when value.TryGetValue<string>(out var text) => JsonNode.Parse(text)!.AsObject(),
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item!.GetValue<string>()),
        _ => [node.GetValue<string>()],
    };

    private static IEnumerable<string> Strings(IEnumerable<JsonNode?>? nodes) => nodes?.Select(n => n!.GetValue<string>()) ?? [];
}
