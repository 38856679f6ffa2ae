namespace CognitoFunctions.Cognito.Model;

/// <summary>
/// AssociateSoftwareToken: starts TOTP enrolment, authorized by the signed-in user's access token or, inside a sign-in
/// that meets MFA_SETUP, by the challenge's session (one of the two; not IAM).
/// </summary>
public sealed record AssociateSoftwareTokenRequest
{
    /// <summary>The user's access token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The MFA_SETUP challenge's session.</summary>
    public string? Session { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AssociateSoftwareTokenRequest)} {{ AccessToken = ***, Session = *** }}";
}

/// <summary>The answer of AssociateSoftwareToken.</summary>
public sealed record AssociateSoftwareTokenResponse
{
    /// <summary>The TOTP shared secret (base32), for the user's authenticator app; it replaces any earlier one not yet verified.</summary>
    public string? SecretCode { get; init; }

    /// <summary>The session to go on with, when the request was authorized by one.</summary>
    public string? Session { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AssociateSoftwareTokenResponse)} {{ SecretCode = ***, Session = *** }}";
}

/// <summary>
/// VerifySoftwareToken: the first code from the authenticator app proves the secret was stored; authorized as
/// <see cref="AssociateSoftwareTokenRequest"/> was.
/// </summary>
public sealed record VerifySoftwareTokenRequest
{
    /// <summary>The user's access token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The MFA_SETUP challenge's session (the one AssociateSoftwareToken answered).</summary>
    public string? Session { get; init; }

    /// <summary>The six-digit code.</summary>
    public required string UserCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(VerifySoftwareTokenRequest)} {{ AccessToken = ***, Session = ***, UserCode = *** }}";
}

/// <summary>The answer of VerifySoftwareToken.</summary>
public sealed record VerifySoftwareTokenResponse
{
    /// <summary><c>SUCCESS</c> or <c>ERROR</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The session to answer MFA_SETUP with, when the request was authorized by one.</summary>
    public string? Session { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(VerifySoftwareTokenResponse)} {{ Status = {Status}, Session = *** }}";
}

/// <summary>SetUserMFAPreference: turns the signed-in user's TOTP factor on or off and says whether it is preferred.</summary>
public sealed record SetUserMfaPreferenceRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The TOTP factor's settings.</summary>
    public required SoftwareTokenMfaSettingsType SoftwareTokenMfaSettings { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(SetUserMfaPreferenceRequest)} {{ AccessToken = ***, SoftwareTokenMfaSettings = {SoftwareTokenMfaSettings} }}";
}

/// <summary>Cognito's SoftwareTokenMfaSettingsType.</summary>
public sealed record SoftwareTokenMfaSettingsType
{
    /// <summary>The factor is on.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The factor is the one Cognito asks for first.</summary>
    public required bool PreferredMfa { get; init; }
}
