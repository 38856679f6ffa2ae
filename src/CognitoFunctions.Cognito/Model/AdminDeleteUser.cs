using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminDeleteUser: deletes a user.</summary>
public sealed record AdminDeleteUserRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }
}
