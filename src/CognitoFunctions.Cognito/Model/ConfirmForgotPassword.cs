using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>ConfirmForgotPassword: sets a new password with the code ForgotPassword sent.</summary>
public sealed record ConfirmForgotPasswordRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    /// <summary>The code the user received.</summary>
    public required string ConfirmationCode { get; init; }

    /// <summary>The new password; the pool's password policy applies.</summary>
    public required string Password { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    [JsonInclude]
    internal string? SecretHash { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(ConfirmForgotPasswordRequest)} {{ Username = {Username}, ConfirmationCode = ***, Password = *** }}";
}
