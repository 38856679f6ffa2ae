using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>ForgotPassword: sends the user a code to reset their password with.</summary>
public sealed record ForgotPasswordRequest
{
    /// <summary>The username or an alias (email).</summary>
    public required string Username { get; init; }

    /// <summary>Passed to the pool's Lambda triggers.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    [JsonInclude]
    internal string? SecretHash { get; init; }
}

/// <summary>The answer of ForgotPassword.</summary>
public sealed record ForgotPasswordResponse
{
    /// <summary>Where the code went (masked by Cognito, e.g. <c>a***@e***</c>).</summary>
    public CodeDeliveryDetailsType? CodeDeliveryDetails { get; init; }
}

/// <summary>Where a code was sent (Cognito's CodeDeliveryDetailsType).</summary>
public sealed record CodeDeliveryDetailsType
{
    /// <summary>The attribute the code went to, e.g. <c>email</c>.</summary>
    public string? AttributeName { get; init; }

    /// <summary><c>EMAIL</c> or <c>SMS</c>.</summary>
    public string? DeliveryMedium { get; init; }

    /// <summary>The destination, masked by Cognito.</summary>
    public string? Destination { get; init; }
}
