using System.Text.Json.Serialization;

namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// InitiateAuth: a sign-in through the public API (USER_PASSWORD_AUTH), not signed with IAM credentials. The app uses
/// it only where AdminInitiateAuth cannot show challenges (a local run against cognito-local).
/// </summary>
public sealed record InitiateAuthRequest
{
    /// <summary>The authentication flow: <see cref="AuthFlowType.UserPasswordAuth"/>.</summary>
    public required AuthFlowType AuthFlow { get; init; }

    /// <summary><c>USERNAME</c> and <c>PASSWORD</c>; the client adds <c>SECRET_HASH</c> when the app client has a secret.</summary>
    public required IReadOnlyDictionary<string, string> AuthParameters { get; init; }

    /// <summary>The end user's address, for Cognito's threat protection.</summary>
    public UserContextDataType? UserContextData { get; init; }

    [JsonInclude]
    internal string? ClientId { get; init; }

    /// <summary>USER_PASSWORD_AUTH for <paramref name="username"/> (the email in email pools).</summary>
    public static InitiateAuthRequest ForPassword(string username, string password, UserContextDataType? userContextData = null) => new()
    {
        AuthFlow = AuthFlowType.UserPasswordAuth,
        AuthParameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["USERNAME"] = username, ["PASSWORD"] = password },
        UserContextData = userContextData,
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(InitiateAuthRequest)} {{ AuthFlow = {AuthFlow}, AuthParameters = [{string.Join(", ", AuthParameters.Keys)}] }}";
}

/// <summary>The end user's request as the public API takes it (Cognito's UserContextDataType).</summary>
public sealed record UserContextDataType
{
    /// <summary>The end user's IP address. (The device fingerprint a browser SDK adds, EncodedData, the app does not have.)</summary>
    public string? IpAddress { get; init; }
}
