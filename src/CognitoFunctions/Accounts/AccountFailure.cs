namespace CognitoFunctions.Accounts;

/// <summary>
/// Why an account operation did not succeed, in the API's terms (not Cognito's): one sealed record per kind, carrying
/// exactly what its answer needs. The hierarchy is closed (the constructor it declares is private, so every kind is
/// nested here), and every kind answers <see cref="Accept{T}"/> through its own method of <see cref="IAccountFailureVisitor{T}"/>:
/// a new kind does not build until the visitor, and so every place that turns failures into answers, handles it.
/// </summary>
internal abstract record AccountFailure
{
    private AccountFailure()
    {
    }

    /// <summary>Calls the visitor's method for this kind.</summary>
    public abstract T Accept<T>(IAccountFailureVisitor<T> visitor);

    /// <summary>Sign-up: an account with the email exists.</summary>
    public sealed record EmailTaken : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Login: unknown email or wrong password (one answer for both).</summary>
    public sealed record InvalidCredentials : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Login: the password was right, and Cognito sets a challenge to answer next (a new password, an MFA code, …).</summary>
    /// <param name="Challenge">The challenge, its session and what its answer needs.</param>
    public sealed record ChallengeRequired(LogInChallenge Challenge) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Login: Cognito requires a step this API does not run (a password reset, a custom challenge, …).</summary>
    /// <param name="ChallengeName">Cognito's name of the challenge, e.g. <c>PASSWORD_RESET_REQUIRED</c>.</param>
    public sealed record ChallengeUnsupported(string ChallengeName) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Login challenge: the session is not one this API made, or Cognito no longer accepts it (expired, spent).</summary>
    public sealed record LogInSessionExpired : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Refresh or logout: the refresh token is invalid, expired or revoked.</summary>
    public sealed record InvalidRefreshToken : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Password reset: wrong or expired code (or unknown email: the same answer).</summary>
    public sealed record InvalidCode : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Password change: the current password is wrong.</summary>
    public sealed record IncorrectPassword : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>TOTP: the user has not started an enrolment (or not verified one) that the request needs.</summary>
    public sealed record TotpNotEnrolled : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>TOTP: the pool requires a second factor, so the user's cannot be turned off.</summary>
    public sealed record MfaRequired : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>An access-token flow: Cognito no longer accepts the access token (signed out, revoked, user disabled or gone).</summary>
    public sealed record AccessTokenRevoked : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Cognito refused a field our validation let through (a password's policy or history, a pagination token).</summary>
    /// <param name="Field">The request field the failure is about, e.g. <c>password</c>.</param>
    /// <param name="Message">What is wrong with it, safe to show.</param>
    public sealed record FieldRejected(string Field, string Message) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Too many attempts for this account or this action; retry much later.</summary>
    public sealed record LimitExceeded : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Cognito throttled us; retry shortly.</summary>
    /// <param name="RetryAfter">Cognito's Retry-After, when it gave one.</param>
    public sealed record Throttled(TimeSpan? RetryAfter) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Cognito could not be reached or answered 5xx (or no AWS credentials could be had); retry shortly.</summary>
    /// <param name="RetryAfter">Cognito's Retry-After, when it gave one.</param>
    public sealed record Unavailable(TimeSpan? RetryAfter) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>
    /// A change that is not safe to send twice may have been carried out, but Cognito's answer was lost: the client
    /// must find out (e.g. log in with the new password) before trying again.
    /// </summary>
    /// <param name="RetryAfter">Cognito's Retry-After, when it gave one.</param>
    public sealed record OutcomeUnknown(TimeSpan? RetryAfter) : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }

    /// <summary>Cognito answered an error this API does not expect (configuration or a bug), or an answer it cannot read: logged in full.</summary>
    public sealed record UpstreamError : AccountFailure
    {
        public override T Accept<T>(IAccountFailureVisitor<T> visitor) => visitor.Visit(this);
    }
}

/// <summary>One method per kind of <see cref="AccountFailure"/>: implementing it handles every kind.</summary>
internal interface IAccountFailureVisitor<out T>
{
    T Visit(AccountFailure.EmailTaken failure);

    T Visit(AccountFailure.InvalidCredentials failure);

    T Visit(AccountFailure.ChallengeRequired failure);

    T Visit(AccountFailure.ChallengeUnsupported failure);

    T Visit(AccountFailure.LogInSessionExpired failure);

    T Visit(AccountFailure.InvalidRefreshToken failure);

    T Visit(AccountFailure.InvalidCode failure);

    T Visit(AccountFailure.IncorrectPassword failure);

    T Visit(AccountFailure.TotpNotEnrolled failure);

    T Visit(AccountFailure.MfaRequired failure);

    T Visit(AccountFailure.AccessTokenRevoked failure);

    T Visit(AccountFailure.FieldRejected failure);

    T Visit(AccountFailure.LimitExceeded failure);

    T Visit(AccountFailure.Throttled failure);

    T Visit(AccountFailure.Unavailable failure);

    T Visit(AccountFailure.OutcomeUnknown failure);

    T Visit(AccountFailure.UpstreamError failure);
}

/// <summary>A value or a failure.</summary>
internal readonly record struct AccountResult<T>(T? Value, AccountFailure? Failure)
{
    public static implicit operator AccountResult<T>(T value) => new(value, null);

    public static implicit operator AccountResult<T>(AccountFailure failure) => new(default, failure);
}

/// <summary>Nothing to return on success.</summary>
internal readonly record struct Done;
