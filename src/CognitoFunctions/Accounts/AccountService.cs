using System.Buffers.Text;
using System.Security.Cryptography;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The account flows on top of Cognito: each method is one user-visible operation, turns Cognito's errors into
/// <see cref="AccountFailure"/>s that reveal nothing about which accounts exist, and leaves no half-created user.
/// </summary>
internal sealed partial class AccountService(
    ICognitoIdentityProvider cognito,
    PasswordPolicyProvider passwordPolicy,
    IOptions<AccountOptions> options,
    AccountMetrics metrics,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    /// <summary>The custom attribute sign-up stamps to recognise its own user (declared in aws-cognito.yaml).</summary>
    public const string SignUpNonceAttribute = "custom:signup_nonce";

    private const string PasswordRejectedMessage = "The identity service refused this password (policy or password history); choose another.";

    public Task<PasswordPolicy> GetPasswordPolicyAsync(CancellationToken cancellationToken) => passwordPolicy.GetAsync(cancellationToken);

    /// <summary>Creates a confirmed user with a verified email and a permanent password; returns the user's sub.</summary>
    public Task<AccountResult<string>> SignUpAsync(string email, string password, CancellationToken cancellationToken) =>
        ObserveAsync("signup", SignUpCoreAsync(email, password, cancellationToken));

    private async Task<AccountResult<string>> SignUpCoreAsync(string typedEmail, string password, CancellationToken cancellationToken)
    {
        var typed = typedEmail.Trim();
        var email = EmailAddress.Normalize(typed);
        try
        {
            // On a case-sensitive pool an account made before this rule may hold the address in the case typed.
            if (email != typed && await FindUserAsync(typed, cancellationToken) is not null)
            {
                return new AccountFailure(AccountFailureKind.EmailTaken);
            }
        }
        catch (CognitoException ex)
        {
            return Unexpected("signup", ex);
        }

        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        var created = await CreateUserAsync(email, nonce, cancellationToken);
        if (created.Failure is not null)
        {
            return created;
        }

        try
        {
            // The user exists now: from here on the steps run to their end even if the client has gone away, since
            // a user left without a password would hold the email for good.
            await cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = email, Password = password, Permanent = true }, CancellationToken.None);
        }
        catch (CognitoException ex)
        {
            var undone = await RollBackSignUpAsync(email, nonce);
            if (ex is CognitoServiceException { Code: CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation })
            {
                return AccountFailure.Rejected("password", PasswordRejectedMessage);
            }

            // A password step whose outcome is unknown is known again once the rollback has removed the user: no account.
            if (ex is CognitoOutcomeUnknownException lost && undone)
            {
                LogUnavailable(logger, "signup", ex);
                return new AccountFailure(AccountFailureKind.Unavailable) { RetryAfter = lost.RetryAfter };
            }

            return Unexpected("signup", ex);
        }

        return created;
    }

    /// <summary>AdminCreateUser with the nonce; the new user's sub, or why there is none (and no user of ours left).</summary>
    private async Task<AccountResult<string>> CreateUserAsync(string email, string nonce, CancellationToken cancellationToken)
    {
        CognitoServiceException? exists;
        try
        {
            var created = await cognito.AdminCreateUserAsync(new AdminCreateUserRequest
            {
                Username = email,
                MessageAction = MessageActionType.Suppress,
                UserAttributes =
                [
                    new AttributeType { Name = "email", Value = email },
                    new AttributeType { Name = "email_verified", Value = "true" },
                    new AttributeType { Name = SignUpNonceAttribute, Value = nonce },
                ],
            }, cancellationToken);
            return created.User?.Attributes.ValueOf("sub") ?? "";
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.UsernameExists)
        {
            exists = ex;
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.InvalidParameter)
        {
            // Cognito's own email check is stricter than ours in a few corners.
            return AccountFailure.Rejected("email", "The identity service refused this email address.");
        }
        catch (CognitoException ex)
        {
            // No answer (timeout, broken connection, 5xx) or one that cannot be read does not mean no user: Cognito may
            // have created it. Left behind without a password, it would hold the email for good.
            if (ex is CognitoUnavailableException or CognitoProtocolException || ex.EarlierAttemptMayHaveSucceeded)
            {
                await RollBackSignUpAsync(email, nonce);
            }

            return Unexpected("signup", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away while the request may already have reached Cognito.
            await RollBackSignUpAsync(email, nonce);
            throw;
        }

        if (!exists.EarlierAttemptMayHaveSucceeded)
        {
            return new AccountFailure(AccountFailureKind.EmailTaken);
        }

        // A retried AdminCreateUser may meet the user its own lost first attempt created: ours if it carries our nonce.
        try
        {
            var ours = await FindOwnUserAsync(email, nonce, CancellationToken.None);
            return ours is null ? new AccountFailure(AccountFailureKind.EmailTaken) : ours.UserAttributes.ValueOf("sub") ?? "";
        }
        catch (CognitoException ex)
        {
            await RollBackSignUpAsync(email, nonce);
            return Unexpected("signup", ex);
        }
    }

    /// <summary>Logs in with email and password.</summary>
    public Task<AccountResult<TokenSet>> LogInAsync(string email, string password, ContextDataType? context, CancellationToken cancellationToken) =>
        ObserveAsync("login", UniformlyTimedAsync(time.GetTimestamp(), LogInCoreAsync(email, password, context, cancellationToken), r => r.Failure is not null));

    private async Task<AccountResult<TokenSet>> LogInCoreAsync(string typedEmail, string password, ContextDataType? context, CancellationToken cancellationToken)
    {
        try
        {
            var email = await UsernameForAsync(typedEmail, cancellationToken);
            var response = await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, password, context), cancellationToken);
            return Tokens("login", response);
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound
                                                     or CognitoErrorCode.InvalidPassword or CognitoErrorCode.UserNotConfirmed)
        {
            // One answer for every way a login can be wrong, so it tells nobody whether the email exists.
            // (cognito-local answers InvalidPassword for a wrong password; Cognito answers NotAuthorized.)
            return new AccountFailure(AccountFailureKind.InvalidCredentials);
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.PasswordResetRequired)
        {
            return new AccountFailure(AccountFailureKind.ChallengeRequired) { ChallengeName = "PASSWORD_RESET_REQUIRED" };
        }
        catch (CognitoException ex)
        {
            return Unexpected("login", ex);
        }
    }

    /// <summary>New ID and access tokens for a refresh token.</summary>
    public Task<AccountResult<TokenSet>> RefreshAsync(string refreshToken, string? username, ContextDataType? context, CancellationToken cancellationToken) =>
        ObserveAsync("refresh", RefreshCoreAsync(refreshToken, username, context, cancellationToken));

    private async Task<AccountResult<TokenSet>> RefreshCoreAsync(string refreshToken, string? username, ContextDataType? context, CancellationToken cancellationToken)
    {
        try
        {
            var response = await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken(refreshToken, username, context), cancellationToken);
            return Tokens("refresh", response);
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound or CognitoErrorCode.InvalidParameter)
        {
            return new AccountFailure(AccountFailureKind.InvalidRefreshToken);
        }
        catch (CognitoException ex)
        {
            return Unexpected("refresh", ex);
        }
    }

    /// <summary>Revokes the refresh token (if given) and signs the user out of every device (where configured).</summary>
    public Task<AccountResult<Done>> LogOutAsync(string username, string? refreshToken, CancellationToken cancellationToken) =>
        ObserveAsync("logout", LogOutCoreAsync(username, refreshToken, cancellationToken));

    private async Task<AccountResult<Done>> LogOutCoreAsync(string username, string? refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            if (refreshToken is not null)
            {
                await cognito.RevokeTokenAsync(new RevokeTokenRequest { Token = refreshToken }, cancellationToken);
            }

            if (options.Value.GlobalSignOutOnLogout)
            {
                await cognito.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { Username = username }, cancellationToken);
            }

            return new Done();
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.UnsupportedTokenType or CognitoErrorCode.NotAuthorized or CognitoErrorCode.InvalidParameter)
        {
            return new AccountFailure(AccountFailureKind.InvalidRefreshToken);
        }
        catch (CognitoException ex)
        {
            return Unexpected("logout", ex);
        }
    }

    /// <summary>Starts a password reset. Succeeds for unknown emails too, so it reveals nothing.</summary>
    public Task<AccountResult<Done>> ForgotPasswordAsync(string email, CancellationToken cancellationToken) =>
        ObserveAsync("forgot_password", UniformlyTimedAsync(time.GetTimestamp(), ForgotPasswordCoreAsync(email, cancellationToken), _ => true));

    private async Task<AccountResult<Done>> ForgotPasswordCoreAsync(string typedEmail, CancellationToken cancellationToken)
    {
        try
        {
            var email = await UsernameForAsync(typedEmail, cancellationToken);
            await cognito.ForgotPasswordAsync(new ForgotPasswordRequest { Username = email }, cancellationToken);
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.UserNotFound or CognitoErrorCode.NotAuthorized
                                                     or CognitoErrorCode.LimitExceeded or CognitoErrorCode.InvalidParameter
                                                     or CognitoErrorCode.CodeDeliveryFailure)
        {
            // Per-user outcomes stay invisible to the caller: they would tell whether the email has an account.
            LogForgotPasswordSuppressed(logger, ex.ErrorCode);
        }
        catch (CognitoException ex)
        {
            return Unexpected("forgot_password", ex);
        }

        return new Done();
    }

    /// <summary>Sets a new password with the emailed code.</summary>
    public Task<AccountResult<Done>> ConfirmForgotPasswordAsync(string email, string code, string newPassword, CancellationToken cancellationToken) =>
        ObserveAsync("confirm_forgot_password", UniformlyTimedAsync(time.GetTimestamp(), ConfirmForgotPasswordCoreAsync(email, code, newPassword, cancellationToken), r => r.Failure is not null));

    private async Task<AccountResult<Done>> ConfirmForgotPasswordCoreAsync(string typedEmail, string code, string newPassword, CancellationToken cancellationToken)
    {
        try
        {
            var email = await UsernameForAsync(typedEmail, cancellationToken);
            await cognito.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = email, ConfirmationCode = code, Password = newPassword }, cancellationToken);
            return new Done();
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.CodeMismatch or CognitoErrorCode.ExpiredCode
                                                     or CognitoErrorCode.UserNotFound or CognitoErrorCode.NotAuthorized)
        {
            return new AccountFailure(AccountFailureKind.InvalidCode);
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation)
        {
            return AccountFailure.Rejected("newPassword", PasswordRejectedMessage);
        }
        catch (CognitoException ex)
        {
            return Unexpected("confirm_forgot_password", ex);
        }
    }

    /// <summary>Changes the signed-in user's password.</summary>
    public Task<AccountResult<Done>> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword, CancellationToken cancellationToken) =>
        ObserveAsync("change_password", ChangePasswordCoreAsync(accessToken, currentPassword, newPassword, cancellationToken));

    private async Task<AccountResult<Done>> ChangePasswordCoreAsync(string accessToken, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        try
        {
            await cognito.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = accessToken, PreviousPassword = currentPassword, ProposedPassword = newPassword }, cancellationToken);
            return new Done();
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.NotAuthorized || RefusesPreviousPassword(ex))
        {
            return new AccountFailure(AccountFailureKind.IncorrectPassword);
        }
        catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation)
        {
            return AccountFailure.Rejected("newPassword", PasswordRejectedMessage);
        }
        catch (CognitoException ex)
        {
            return Unexpected("change_password", ex);
        }
    }

    // Cognito refuses a wrong previous password with NotAuthorized, and gives InvalidPassword only for the proposed one,
    // always with a message that says why ("Password does not conform to policy: ...", "Provided password cannot be
    // used for security reasons."). cognito-local refuses a wrong previous password with InvalidPassword and the bare
    // message "Invalid password" (it never checks a proposed password): that one is about the current password.
    private static bool RefusesPreviousPassword(CognitoServiceException ex) =>
        ex.Code == CognitoErrorCode.InvalidPassword && string.Equals(ex.CognitoMessage?.Trim(), "Invalid password", StringComparison.OrdinalIgnoreCase);

    /// <summary>One page of the pool's users.</summary>
    public Task<AccountResult<UserPage>> ListUsersAsync(int limit, string? paginationToken, CancellationToken cancellationToken) =>
        ObserveAsync("list_users", ListUsersCoreAsync(limit, paginationToken, cancellationToken));

    private async Task<AccountResult<UserPage>> ListUsersCoreAsync(int limit, string? paginationToken, CancellationToken cancellationToken)
    {
        try
        {
            var page = await cognito.ListUsersAsync(new ListUsersRequest { Limit = limit, PaginationToken = paginationToken }, cancellationToken);
            var users = page.Users.Select(u => new UserSummary(
                u.Username,
                u.Attributes.ValueOf("sub"),
                u.Attributes.ValueOf("email"),
                u.Attributes.ValueOf("email_verified") == "true",
                u.UserStatus,
                u.Enabled,
                u.UserCreateDate)).ToList();
            return new UserPage(users, page.PaginationToken);
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.InvalidParameter && paginationToken is not null)
        {
            return AccountFailure.Rejected("paginationToken", "Invalid or expired; start again without it.");
        }
        catch (CognitoException ex)
        {
            return Unexpected("list_users", ex);
        }
    }

    /// <summary>
    /// The username to send Cognito for an email a client typed: its normalized (lower-case) form, under which every
    /// account this app creates lives. Only when the client typed capitals and no account holds the normalized form is
    /// the email sent as typed, for an account created before this rule on a case-sensitive pool. (Trying both in turn
    /// would count a wrong password twice, or send two reset codes, on a case-insensitive pool.)
    /// </summary>
    private async Task<string> UsernameForAsync(string typedEmail, CancellationToken cancellationToken)
    {
        var typed = typedEmail.Trim();
        var email = EmailAddress.Normalize(typed);
        if (email == typed)
        {
            return email;
        }

        return await FindUserAsync(email, cancellationToken) is not null ? email : typed;
    }

    private async Task<AdminGetUserResponse?> FindOwnUserAsync(string email, string nonce, CancellationToken cancellationToken) =>
        await FindUserAsync(email, cancellationToken) is { } user && user.UserAttributes.ValueOf(SignUpNonceAttribute) == nonce ? user : null;

    /// <summary>The user under <paramref name="username"/>, or null when there is none.</summary>
    private async Task<AdminGetUserResponse?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        try
        {
            return await cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = username }, cancellationToken);
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.UserNotFound)
        {
            return null;
        }
    }

    // Deletes the user this sign-up created, and only that one: a concurrent sign-up of the same email may own
    // the account by now. Runs to completion even if the client has gone away. True when no user of ours is left.
    private async Task<bool> RollBackSignUpAsync(string email, string nonce)
    {
        try
        {
            if (await FindOwnUserAsync(email, nonce, CancellationToken.None) is not null)
            {
                await cognito.AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = email }, CancellationToken.None);
                metrics.SignUpRolledBack();
            }

            return true;
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.UserNotFound)
        {
            // Gone already: nothing to undo.
            return true;
        }
        catch (CognitoException ex)
        {
            metrics.SignUpRollbackFailed();
            LogRollbackFailed(logger, ex);
            return false;
        }
    }

    private AccountResult<TokenSet> Tokens(string operation, AdminInitiateAuthResponse response)
    {
        if (response.AuthenticationResult is not { IdToken: { } id, AccessToken: { } access } result)
        {
            return new AccountFailure(AccountFailureKind.ChallengeRequired) { ChallengeName = response.ChallengeName ?? "UNKNOWN" };
        }

        // The tokens come straight from Cognito over an authenticated call: read, not validated. Tokens this app cannot
        // read are Cognito's (or a proxy's) fault, not the client's: upstream-error, never an unhandled exception.
        AccessTokenClaims claims;
        try
        {
            AccessTokenClaims.EnsureJws(id, "ID");
            claims = AccessTokenClaims.Read(access);
        }
        catch (FormatException ex)
        {
            LogUnreadableTokens(logger, operation, ex.Message);
            return new AccountFailure(AccountFailureKind.UpstreamError);
        }

        var expiresIn = result.ExpiresIn ?? (int)(claims.Exp - claims.Iat);
        return new TokenSet(id, access, result.RefreshToken, expiresIn, claims.Username);
    }

    private AccountFailure Unexpected(string operation, CognitoException ex)
    {
        switch (ex)
        {
            case CognitoThrottledException throttled:
                LogThrottled(logger, operation, throttled.ErrorCode);
                return new AccountFailure(AccountFailureKind.Throttled) { RetryAfter = throttled.RetryAfter };
            case CognitoServiceException { Code: CognitoErrorCode.LimitExceeded or CognitoErrorCode.TooManyFailedAttempts } limited:
                LogLimitExceeded(logger, operation, limited.ErrorCode);
                return new AccountFailure(AccountFailureKind.LimitExceeded);
            case CognitoOutcomeUnknownException unknown:
                LogOutcomeUnknown(logger, operation, unknown.Operation, unknown.Reason);
                return new AccountFailure(AccountFailureKind.OutcomeUnknown) { RetryAfter = unknown.RetryAfter };
            case CognitoUnavailableException unavailable:
                LogUnavailable(logger, operation, ex);
                return new AccountFailure(AccountFailureKind.Unavailable) { RetryAfter = unavailable.RetryAfter };
            case CognitoCredentialsException:
                LogUnavailable(logger, operation, ex);
                return new AccountFailure(AccountFailureKind.Unavailable);
            default:
                LogUpstreamError(logger, operation, ex);
                return new AccountFailure(AccountFailureKind.UpstreamError);
        }
    }

    // An answer that could tell a known email from an unknown one by its timing leaves no earlier than the floor after
    // the operation started (the start is taken before the operation's task is created). Not cancelled with the
    // request: waiting on for a client that has gone costs a timer, not a thread.
    private async Task<AccountResult<T>> UniformlyTimedAsync<T>(long started, Task<AccountResult<T>> operation, Func<AccountResult<T>, bool> conceals)
    {
        var result = await operation;
        if (conceals(result) && options.Value.UniformResponseTime - time.GetElapsedTime(started) is { Ticks: > 0 } remaining)
        {
            await Task.Delay(remaining, time);
        }

        return result;
    }

    private async Task<AccountResult<T>> ObserveAsync<T>(string operation, Task<AccountResult<T>> operationTask)
    {
        var result = await operationTask;
        metrics.Operation(operation, result.Failure?.Kind);
        return result;
    }

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Password reset request answered as accepted; Cognito said {ErrorCode}")]
    private static partial void LogForgotPasswordSuppressed(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 211, Level = LogLevel.Critical, Message = "Sign-up rollback failed: a user without a usable password may remain")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "Cognito throttled {Operation} ({ErrorCode})")]
    private static partial void LogThrottled(ILogger logger, string operation, string errorCode);

    [LoggerMessage(EventId = 213, Level = LogLevel.Warning, Message = "Cognito refused {Operation}: a limit was exceeded ({ErrorCode})")]
    private static partial void LogLimitExceeded(ILogger logger, string operation, string errorCode);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "The outcome of {Operation} is unknown: Cognito {CognitoOperation} may have been carried out ({Reason}) and is not safe to repeat")]
    private static partial void LogOutcomeUnknown(ILogger logger, string operation, string cognitoOperation, string reason);

    [LoggerMessage(EventId = 215, Level = LogLevel.Error, Message = "Cognito unavailable for {Operation}")]
    private static partial void LogUnavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 216, Level = LogLevel.Error, Message = "Cognito answered {Operation} with an unexpected error")]
    private static partial void LogUpstreamError(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 217, Level = LogLevel.Error, Message = "Cognito answered {Operation} with tokens this app cannot read: {Reason}")]
    private static partial void LogUnreadableTokens(ILogger logger, string operation, string reason);
}
