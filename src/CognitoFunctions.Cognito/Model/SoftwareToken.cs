namespace CognitoFunctions.Cognito.Model;

/// <summary>AssociateSoftwareToken: starts TOTP enrolment for the signed-in user (authorized by their access token, not IAM).</summary>
public sealed record AssociateSoftwareTokenRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AssociateSoftwareTokenRequest)} {{ AccessToken = *** }}";
}

/// <summary>The answer of AssociateSoftwareToken.</summary>
public sealed record AssociateSoftwareTokenResponse
{
    /// <summary>The TOTP shared secret (base32), for the user's authenticator app; it replaces any earlier one not yet verified.</summary>
    public string? SecretCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AssociateSoftwareTokenResponse)} {{ SecretCode = *** }}";
}

/// <summary>VerifySoftwareToken: the first code from the authenticator app proves the secret was stored.</summary>
public sealed record VerifySoftwareTokenRequest
{
    /// <summary>The user's access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The six-digit code.</summary>
    public required string UserCode { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(VerifySoftwareTokenRequest)} {{ AccessToken = ***, UserCode = *** }}";
}

/// <summary>The answer of VerifySoftwareToken.</summary>
public sealed record VerifySoftwareTokenResponse
{
    /// <summary><c>SUCCESS</c> or <c>ERROR</c>.</summary>
    public string? Status { get; init; }
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
