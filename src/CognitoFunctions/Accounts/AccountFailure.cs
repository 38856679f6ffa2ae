namespace CognitoFunctions.Accounts;

/// <summary>Why an account operation did not succeed, in the API's terms (not Cognito's).</summary>
internal enum AccountFailureKind
{
    /// <summary>Sign-up: an account with the email exists.</summary>
    EmailTaken,

    /// <summary>Login: unknown email or wrong password (one answer for both).</summary>
    InvalidCredentials,

    /// <summary>Login: the account must complete a challenge (new password, MFA, password reset).</summary>
    ChallengeRequired,

    /// <summary>Refresh or logout: the refresh token is invalid, expired or revoked.</summary>
    InvalidRefreshToken,

    /// <summary>Password reset: wrong or expired code (or unknown email: the same answer).</summary>
    InvalidCode,

    /// <summary>Password change: the current password is wrong.</summary>
    IncorrectPassword,

    /// <summary>Cognito refused a field our validation let through (a password's policy or history, a pagination token).</summary>
    FieldRejected,

    /// <summary>Too many attempts for this account or this action; retry much later.</summary>
    LimitExceeded,

    /// <summary>Cognito throttled us; retry shortly.</summary>
    Throttled,

    /// <summary>Cognito could not be reached or answered 5xx; retry shortly.</summary>
    Unavailable,

    /// <summary>
    /// A change that is not safe to send twice may have been carried out, but Cognito's answer was lost: the client
    /// must find out (e.g. log in with the new password) before trying again.
    /// </summary>
    OutcomeUnknown,

    /// <summary>Cognito answered an error this API does not expect (configuration or a bug), or an answer it cannot read: logged in full.</summary>
    UpstreamError,
}

/// <summary>An account operation's failure, with what the HTTP answer needs.</summary>
internal sealed record AccountFailure(AccountFailureKind Kind)
{
    /// <summary>How long the client should wait (Throttled, Unavailable, OutcomeUnknown, LimitExceeded).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The challenge a login met (ChallengeRequired).</summary>
    public string? ChallengeName { get; init; }

    /// <summary>The request field the failure is about, e.g. <c>password</c> (FieldRejected).</summary>
    public string? Field { get; init; }

    /// <summary>What is wrong with <see cref="Field"/>, safe to show.</summary>
    public string? FieldMessage { get; init; }

    public static AccountFailure Rejected(string field, string message) => new(AccountFailureKind.FieldRejected) { Field = field, FieldMessage = message };
}

/// <summary>A value or a failure.</summary>
internal readonly record struct AccountResult<T>(T? Value, AccountFailure? Failure)
{
    public static implicit operator AccountResult<T>(T value) => new(value, null);

    public static implicit operator AccountResult<T>(AccountFailure failure) => new(default, failure);
}

/// <summary>Nothing to return on success.</summary>
internal readonly record struct Done;
