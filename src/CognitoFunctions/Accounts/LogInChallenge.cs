namespace CognitoFunctions.Accounts;

/// <summary>
/// A challenge a login met and the API completes: its Cognito name, the opaque session the client sends back with the
/// answer, the fields that answer must have, and what the client needs to find it (where a code was sent, the factors
/// to choose from, or the secret of an authenticator app to set up). Nothing here is a secret of the account's.
/// </summary>
internal sealed record LogInChallenge(string Name, string Session, IReadOnlyList<string> RespondWith)
{
    /// <summary>Where Cognito sent the code (SMS_MFA, EMAIL_OTP), masked by Cognito.</summary>
    public CodeDelivery? CodeDelivery { get; init; }

    /// <summary>The factors to choose from (SELECT_MFA_TYPE).</summary>
    public IReadOnlyList<string>? Factors { get; init; }

    /// <summary>The authenticator app's new secret (MFA_SETUP): the user's own, shown once, never logged.</summary>
    public string? SecretCode { get; init; }

    /// <summary>The <c>otpauth://</c> URI of <see cref="SecretCode"/>.</summary>
    public string? OtpAuthUri { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(LogInChallenge)} {{ Name = {Name}, Session = ***, RespondWith = [{string.Join(", ", RespondWith)}], SecretCode = {(SecretCode is null ? "null" : "***")} }}";
}

/// <summary>Where a code went: the medium (<c>SMS</c>, <c>EMAIL</c>) and the destination as Cognito masked it.</summary>
internal sealed record CodeDelivery(string Medium, string Destination);

/// <summary>A client's answer to a challenge: the fields of the completion request that the challenge reads.</summary>
internal sealed record ChallengeAnswer(string? Code, string? NewPassword, string? Factor)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(ChallengeAnswer)} {{ Code = ***, NewPassword = ***, Factor = {Factor} }}";
}
