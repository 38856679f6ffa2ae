using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>ForgotPassword: sends the user a code to reset their password with.</summary>
public sealed record ForgotPasswordRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    [JsonInclude]
    internal string? SecretHash { get; init; }
}

/// <summary>The answer of ForgotPassword. The app reads none of it (where the code went is not told to the client).</summary>
public sealed record ForgotPasswordResponse;
