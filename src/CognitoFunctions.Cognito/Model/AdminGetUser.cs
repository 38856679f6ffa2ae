using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminGetUser: reads a user with every attribute, developer-only ones (e.g. <c>custom:signup_nonce</c>) included.</summary>
public sealed record AdminGetUserRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }
}

/// <summary>The answer of AdminGetUser.</summary>
public sealed record AdminGetUserResponse
{
    /// <summary>The user's attributes.</summary>
    public IReadOnlyList<AttributeType> UserAttributes { get; init; } = [];

    /// <summary>When the user was created (the default value when Cognito did not say).</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset UserCreateDate { get; init; }
}
