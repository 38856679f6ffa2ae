using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminCreateUser: creates a user in the configured pool.</summary>
public sealed record AdminCreateUserRequest
{
    /// <summary>The username (the email in pools whose sign-in attribute is the email).</summary>
    public required string Username { get; init; }

    /// <summary>Attributes to set, e.g. <c>email</c>, <c>email_verified</c>, <c>custom:signup_nonce</c>.</summary>
    public IReadOnlyList<AttributeType>? UserAttributes { get; init; }

    /// <summary>What to do about the invitation message; <see cref="MessageActionType.Suppress"/> sends none.</summary>
    public MessageActionType? MessageAction { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(AdminCreateUserRequest)} {{ Username = {Username}, Attributes = [{string.Join(", ", UserAttributes?.Select(a => a.Name) ?? [])}], MessageAction = {MessageAction} }}";
}

/// <summary>The answer of AdminCreateUser.</summary>
public sealed record AdminCreateUserResponse
{
    /// <summary>The created user.</summary>
    public UserType? User { get; init; }
}
