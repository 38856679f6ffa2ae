using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminSetUserPassword: sets a user's password without the old one.</summary>
public sealed record AdminSetUserPasswordRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    /// <summary>The new password; the pool's password policy applies.</summary>
    public required string Password { get; init; }

    /// <summary>True makes it the user's password (status CONFIRMED); false a temporary one.</summary>
    public bool Permanent { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AdminSetUserPasswordRequest)} {{ Username = {Username}, Password = ***, Permanent = {Permanent} }}";
}
