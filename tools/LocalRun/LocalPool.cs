using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// Provisions the pool, client and groups of aws-cognito.yaml in cognito-local once, and on later runs reuses
/// them: the state file names them, and DescribeUserPool / DescribeUserPoolClient confirm they still exist.
/// Only when one of them is gone is the template provisioned again.
/// </summary>
internal static class LocalPool
{
    /// <summary>The region local pools pretend to live in (their tokens' issuer).</summary>
    public const string Region = CognitoLocalPool.Region;

    public static async Task<PoolOutcome> EnsureAsync(RawCognitoApi api, Uri endpoint, string stateFile, string templatePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var templateSha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(templatePath, cancellationToken)));
        var recorded = PoolState.Read(stateFile);
        if (recorded is not null && await DescribeAsync(api, endpoint, recorded, cancellationToken) is { } existing)
        {
            return new PoolOutcome(existing, PoolOrigin.Reused, null, recorded.TemplateSha256 != templateSha256);
        }

        var template = new TemplateEvaluator(CloudFormationYaml.Load(templatePath), region: Region);
        var pool = await TemplateProvisioner.ProvisionAsync(api, endpoint, template, Region, cancellationToken);
        new PoolState(pool.Region, pool.UserPoolId, pool.ClientId, templateSha256).Write(stateFile);
        return recorded is null
            ? new PoolOutcome(pool, PoolOrigin.Provisioned, null, false)
            : new PoolOutcome(pool, PoolOrigin.ReplacedMissing, recorded.UserPoolId, false);
    }

    private static async Task<ProvisionedPool?> DescribeAsync(RawCognitoApi api, Uri endpoint, PoolState state, CancellationToken cancellationToken)
    {
        try
        {
            var pool = (await api.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = state.UserPoolId }, cancellationToken))["UserPool"]!;
            var client = (await api.CallAsync("DescribeUserPoolClient", new JsonObject
            {
                ["UserPoolId"] = state.UserPoolId,
                ["ClientId"] = state.ClientId,
            }, cancellationToken))["UserPoolClient"]!;
            var groups = (await api.CallAsync("ListGroups", new JsonObject { ["UserPoolId"] = state.UserPoolId }, cancellationToken))["Groups"]!
                .AsArray().Select(g => g!["GroupName"]!.GetValue<string>()).ToList();
            return new ProvisionedPool(
                state.Region,
                state.UserPoolId,
                pool["Arn"]!.GetValue<string>(),
                state.ClientId,
                client["ClientSecret"]?.GetValue<string>(),
                groups,
                CognitoLocalServer.JwksAddress(endpoint, state.UserPoolId));
        }
        catch (CognitoApiException ex) when (ex.ErrorType == "ResourceNotFoundException")
        {
            return null;
        }
    }
}
