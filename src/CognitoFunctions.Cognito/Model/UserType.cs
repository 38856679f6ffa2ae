using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>A user as AdminCreateUser and ListUsers describe it (Cognito's UserType).</summary>
public sealed record UserType
{
    /// <summary>The Cognito username (the <c>sub</c> in pools whose sign-in attribute is the email).</summary>
    public string Username { get; init; } = "";

    /// <summary>The attributes the caller may read.</summary>
    public IReadOnlyList<AttributeType> Attributes { get; init; } = [];

    /// <summary>When the user was created.</summary>
    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset UserCreateDate { get; init; }

    /// <summary>Whether the user may sign in.</summary>
    public bool Enabled { get; init; }

    /// <summary>The user's status, e.g. <c>CONFIRMED</c>, <c>FORCE_CHANGE_PASSWORD</c>, <c>RESET_REQUIRED</c>.</summary>
    public string? UserStatus { get; init; }
}
