using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// The answer to a sign-in challenge, sent as AdminRespondToAuthChallenge (IAM-signed, with the end user's
/// <see cref="ContextData"/>) or RespondToAuthChallenge (public API) after the sign-in that met it was started the same way.
/// </summary>
public sealed record RespondToAuthChallengeRequest
{
    /// <summary>The challenge answered, e.g. <c>SOFTWARE_TOKEN_MFA</c>.</summary>
    public required string ChallengeName { get; init; }

    /// <summary>The session of the answer that posed the challenge.</summary>
    public required string Session { get; init; }

    /// <summary>
    /// <c>USERNAME</c> and the challenge's own answer (<c>SOFTWARE_TOKEN_MFA_CODE</c>, <c>NEW_PASSWORD</c>, <c>ANSWER</c>, …);
    /// the client adds <c>SECRET_HASH</c> (of <c>USERNAME</c>) when the app client has a secret.
    /// </summary>
    public required IReadOnlyDictionary<string, string> ChallengeResponses { get; init; }

    /// <summary>The end user's request, for Cognito's threat protection (AdminRespondToAuthChallenge only).</summary>
    public ContextDataType? ContextData { get; init; }

    /// <summary>The end user's address, for Cognito's threat protection (RespondToAuthChallenge only).</summary>
    public UserContextDataType? UserContextData { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RespondToAuthChallengeRequest)} {{ ChallengeName = {ChallengeName}, Session = ***, ChallengeResponses = [{string.Join(", ", ChallengeResponses.Keys)}] }}";
}
