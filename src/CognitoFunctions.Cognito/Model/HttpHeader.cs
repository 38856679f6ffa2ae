using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>One header of the end user's request in <see cref="ContextDataType"/> (the API spells its fields in camelCase).</summary>
public sealed record HttpHeader
{
    /// <summary>The header's name.</summary>
    [JsonPropertyName("headerName")]
    public required string HeaderName { get; init; }

    /// <summary>The header's value.</summary>
    [JsonPropertyName("headerValue")]
    public required string HeaderValue { get; init; }
}
