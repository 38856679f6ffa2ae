using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminAddUserToGroup: adds a user to a group (the group shows in the tokens' <c>cognito:groups</c>).</summary>
public sealed record AdminAddUserToGroupRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    /// <summary>The group, e.g. <c>admin</c>.</summary>
    public required string GroupName { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }
}
