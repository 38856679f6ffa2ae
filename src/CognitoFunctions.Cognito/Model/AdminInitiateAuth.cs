using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>AdminInitiateAuth: signs a user in from the server, or refreshes their tokens.</summary>
public sealed record AdminInitiateAuthRequest
{
    /// <summary>The authentication flow.</summary>
    public required AuthFlowType AuthFlow { get; init; }

    /// <summary>
    /// The flow's parameters: <c>USERNAME</c> and <c>PASSWORD</c>, or <c>REFRESH_TOKEN</c>. The client adds
    /// <c>SECRET_HASH</c> when the app client has a secret.
    /// </summary>
    public required IReadOnlyDictionary<string, string> AuthParameters { get; init; }

    /// <summary>The end user's request, for Cognito's threat protection.</summary>
    public ContextDataType? ContextData { get; init; }

    /// <summary>
    /// The username SECRET_HASH is computed with when the app client has a secret. Never sent. For
    /// <see cref="AuthFlowType.RefreshTokenAuth"/> it must be the Cognito username (the <c>sub</c> in email pools,
    /// the tokens' <c>username</c> / <c>cognito:username</c>), not the email; for the password flow it defaults to
    /// <c>USERNAME</c>.
    /// </summary>
    [JsonIgnore]
    public string? SecretHashUsername { get; init; }

    [JsonInclude]
    internal string? UserPoolId { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    /// <summary>ADMIN_USER_PASSWORD_AUTH for <paramref name="username"/> (the email in email pools).</summary>
    public static AdminInitiateAuthRequest ForPassword(string username, string password, ContextDataType? contextData = null) => new()
    {
        AuthFlow = AuthFlowType.AdminUserPasswordAuth,
        AuthParameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = username, ["PASSWORD"] = password },
        ContextData = contextData,
    };

    /// <summary>
    /// REFRESH_TOKEN_AUTH; <paramref name="cognitoUsername"/> (the Cognito username, not the email) is needed only
    /// when the app client has a secret.
    /// </summary>
    public static AdminInitiateAuthRequest ForRefreshToken(string refreshToken, string? cognitoUsername = null, ContextDataType? contextData = null) => new()
    {
        AuthFlow = AuthFlowType.RefreshTokenAuth,
        AuthParameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["REFRESH_TOKEN"] = refreshToken },
        SecretHashUsername = cognitoUsername,
        ContextData = contextData,
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(AdminInitiateAuthRequest)} {{ AuthFlow = {AuthFlow}, AuthParameters = [{string.Join(", ", AuthParameters.Keys)}] }}";
}

/// <summary>
/// The answer of every call of a sign-in (InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge,
/// AdminRespondToAuthChallenge): tokens, or a challenge to answer first with its session.
/// </summary>
public sealed record AuthFlowResponse
{
    /// <summary>A challenge such as <c>NEW_PASSWORD_REQUIRED</c> or <c>SOFTWARE_TOKEN_MFA</c>; null when tokens were issued.</summary>
    public string? ChallengeName { get; init; }

    /// <summary>The challenge's session, to send back with its answer; Cognito's, opaque, valid a few minutes.</summary>
    public string? Session { get; init; }

    /// <summary>
    /// The challenge's parameters, e.g. <c>USER_ID_FOR_SRP</c> (the Cognito username), <c>CODE_DELIVERY_DESTINATION</c>,
    /// <c>MFAS_CAN_CHOOSE</c> and <c>MFAS_CAN_SETUP</c> (JSON arrays as strings).
    /// </summary>
    public IReadOnlyDictionary<string, string>? ChallengeParameters { get; init; }

    /// <summary>The tokens, when no challenge stands in the way.</summary>
    public AuthenticationResultType? AuthenticationResult { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(AuthFlowResponse)} {{ ChallengeName = {ChallengeName}, Session = {(Session is null ? "null" : "***")}, AuthenticationResult = {AuthenticationResult} }}";
}

/// <summary>Issued tokens (Cognito's AuthenticationResultType).</summary>
public sealed record AuthenticationResultType
{
    /// <summary>The access token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The ID token.</summary>
    public string? IdToken { get; init; }

    /// <summary>The refresh token; REFRESH_TOKEN_AUTH issues none.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Lifetime of the access token in seconds (cognito-local leaves it out).</summary>
    public int? ExpiresIn { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(AuthenticationResultType)} {{ AccessToken = {Redacted(AccessToken)}, IdToken = {Redacted(IdToken)}, RefreshToken = {Redacted(RefreshToken)}, ExpiresIn = {ExpiresIn} }}";

    private static string Redacted(string? token) => token is null ? "null" : "***";
}
