using CognitoFunctions.Accounts;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary>
/// The answer to a login's challenge as sent: the session the challenge came with, and the one field the challenge
/// reads (<c>respondWith</c> named it). Which field is required depends on the challenge inside the session, so the
/// body lets each be left out and the login's steps say which one is missing.
/// </summary>
internal sealed record AnswerChallengeRequest(string? Session, string? Code, string? NewPassword, string? Factor)
{
    public static RequestBody<AnswerChallengeRequest, ValidAnswerChallenge> Body { get; } = new(
        LogInJson.Default.AnswerChallengeRequest,
        [
            FieldRule.Text("session", LogInSession.MaxLength),
            FieldRule.OptionalDigits("code", 6, 8, "SOFTWARE_TOKEN_MFA, MFA_SETUP: the authenticator app's 6 digits; SMS_MFA, EMAIL_OTP: the code sent (6 or 8 digits)."),
            FieldRule.OptionalNewPassword("newPassword", "NEW_PASSWORD_REQUIRED: the password to replace the temporary one; must meet the pool's password policy (every unmet rule is reported in `errors`)."),
            FieldRule.OptionalText("factor", 32, "SELECT_MFA_TYPE: one of the challenge's `factors`."),
        ],
        body => new ValidAnswerChallenge(body.Session!, new ChallengeAnswer(body.Code?.Trim(), body.NewPassword, body.Factor?.Trim())));

    /// <inheritdoc />
    public override string ToString() => $"{nameof(AnswerChallengeRequest)} {{ Session = ***, Code = ***, NewPassword = ***, Factor = {Factor} }}";
}

/// <summary>An answer whose fields met their rules.</summary>
internal sealed record ValidAnswerChallenge(string Session, ChallengeAnswer Answer)
{
    /// <inheritdoc />
    public override string ToString() => $"{nameof(ValidAnswerChallenge)} {{ Session = ***, Answer = {Answer} }}";
}
