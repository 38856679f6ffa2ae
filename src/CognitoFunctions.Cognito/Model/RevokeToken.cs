using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>RevokeToken: revokes a refresh token of the configured app client (and the access tokens it yielded).</summary>
public sealed record RevokeTokenRequest
{
    /// <summary>The refresh token.</summary>
    public required string Token { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    [JsonInclude]
    internal string? ClientSecret { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(RevokeTokenRequest)} {{ Token = *** }}";
}
