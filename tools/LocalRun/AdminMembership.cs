using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// The local counterpart of <c>aws cognito-idp admin-add-user-to-group</c> for the first admin: puts an existing
/// user in the template's <c>admin</c> group. It creates no user: an account made here would have a password
/// nobody chose, and would make the user's own sign-up answer 409.
/// </summary>
internal static class AdminMembership
{
    /// <summary>The group aws-cognito.yaml defines and the admin functions require.</summary>
    public const string GroupName = "admin";

    /// <summary>Adds the user to the group; false when the pool has no such user (yet).</summary>
    public static async Task<bool> TryAddAsync(RawCognitoApi api, ProvisionedPool pool, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(pool);
        if (!pool.Groups.Contains(GroupName, StringComparer.Ordinal))
        {
            throw new LocalRunException($"The pool has no '{GroupName}' group; aws-cognito.yaml defines it, so --reset provisions it again.");
        }

        try
        {
            // cognito-local answers AdminAddUserToGroup with success even for an unknown user: ask first.
            await api.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = email }, cancellationToken);
        }
        catch (CognitoApiException ex) when (ex.ErrorType == "UserNotFoundException")
        {
            return false;
        }

        await api.CallAsync("AdminAddUserToGroup", new JsonObject
        {
            ["UserPoolId"] = pool.UserPoolId,
            ["Username"] = email,
            ["GroupName"] = GroupName,
        }, cancellationToken);
        return true;
    }
}
