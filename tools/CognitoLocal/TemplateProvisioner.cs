using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// Creates the Cognito resources of aws-cognito.yaml through the Cognito API (CreateUserPool,
/// CreateUserPoolClient, CreateGroup), so cognito-local runs and AWS deployments share one definition.
/// CloudFormation property names equal the API's except the pool's name and its MFA settings, which the API
/// sets with SetUserPoolMfaConfig after the pool exists, as CloudFormation does; IAM resources have no
/// cognito-local counterpart and are skipped.
/// </summary>
public static class TemplateProvisioner
{
    /// <summary>Provisions every Cognito resource the template creates under its parameters.</summary>
    public static async Task<ProvisionedPool> ProvisionAsync(RawCognitoApi api, Uri endpoint, TemplateEvaluator template, string region, CancellationToken cancellationToken = default)
    {
        string? poolId = null, poolArn = null, clientId = null, clientSecret = null;
        var groups = new List<string>();

        foreach (var (logicalId, resource) in template.Resources)
        {
            if (!template.IsCreated(resource))
            {
                continue;
            }

            var type = resource["Type"]!.GetValue<string>();
            var properties = template.Evaluate(resource["Properties"] ?? new JsonObject())!.AsObject();
            switch (type)
            {
                case "AWS::Cognito::UserPool":
                    Rename(properties, "UserPoolName", "PoolName");
                    var mfa = TakeMfaConfiguration(properties);
                    var pool = (await api.CallAsync("CreateUserPool", properties, cancellationToken))["UserPool"]!;
                    poolId = pool["Id"]!.GetValue<string>();
                    poolArn = pool["Arn"]!.GetValue<string>();
                    if (mfa is not null)
                    {
                        mfa["UserPoolId"] = poolId;
                        await api.CallAsync("SetUserPoolMfaConfig", mfa, cancellationToken);
                    }

                    template.RecordResource(logicalId, poolId, new Dictionary<string, string> { ["Arn"] = poolArn });
                    break;

                case "AWS::Cognito::UserPoolClient":
                    var client = (await api.CallAsync("CreateUserPoolClient", properties, cancellationToken))["UserPoolClient"]!;
                    clientId = client["ClientId"]!.GetValue<string>();
                    clientSecret = client["ClientSecret"]?.GetValue<string>();
                    template.RecordResource(logicalId, clientId, clientSecret is null ? null : new Dictionary<string, string> { ["ClientSecret"] = clientSecret });
                    break;

                case "AWS::Cognito::UserPoolGroup":
                    await api.CallAsync("CreateGroup", properties, cancellationToken);
                    var groupName = properties["GroupName"]!.GetValue<string>();
                    groups.Add(groupName);
                    template.RecordResource(logicalId, groupName);
                    break;

                case var other when other.StartsWith("AWS::Cognito::", StringComparison.Ordinal):
                    throw new NotSupportedException($"{logicalId} ({other}) has no cognito-local provisioning yet.");

                default:
                    // IAM (policy, OIDC provider, role) exists only in AWS.
                    break;
            }
        }

        return poolId is null || poolArn is null || clientId is null
            ? throw new InvalidOperationException("The template defines no user pool and app client.")
            : new ProvisionedPool(region, poolId, poolArn, clientId, clientSecret, groups, CognitoLocalServer.JwksAddress(endpoint, poolId));
    }

    // CloudFormation's MfaConfiguration and EnabledMfas, as the SetUserPoolMfaConfig request they stand for.
    private static JsonObject? TakeMfaConfiguration(JsonObject properties)
    {
        properties.Remove("EnabledMfas", out var enabled);
        if (!properties.Remove("MfaConfiguration", out var mode))
        {
            return enabled is null ? null : throw new InvalidOperationException("EnabledMfas without MfaConfiguration.");
        }

        var factors = enabled?.AsArray().Select(f => f!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        var request = new JsonObject
        {
            ["MfaConfiguration"] = mode?.DeepClone(),
            ["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = factors.Contains("SOFTWARE_TOKEN_MFA") },
        };
        if (factors.Contains("EMAIL_OTP"))
        {
            request["EmailMfaConfiguration"] = new JsonObject();
        }

        if (factors.Contains("SMS_MFA"))
        {
            request["SmsMfaConfiguration"] = new JsonObject { ["SmsConfiguration"] = properties["SmsConfiguration"]?.DeepClone() };
        }

        return request;
    }

    private static void Rename(JsonObject properties, string from, string to)
    {
        if (properties.Remove(from, out var value))
        {
            properties[to] = value;
        }
    }
}
