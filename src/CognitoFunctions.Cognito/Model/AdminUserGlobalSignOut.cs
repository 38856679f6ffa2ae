using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// AdminUserGlobalSignOut: invalidates every refresh token of the user (and, at Cognito, the access tokens they
/// yielded; local JWT validation does not see that).
/// </summary>
public sealed record AdminUserGlobalSignOutRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }
}
