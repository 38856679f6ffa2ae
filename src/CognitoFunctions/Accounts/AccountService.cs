using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The account flows on top of Cognito (login, refresh, logout, password reset and change, account deletion): each method is
/// one user-visible operation run through <see cref="AccountFlow"/> with the Cognito errors it knows, answered as
/// <see cref="AccountFailure"/>s that reveal nothing about which accounts exist. Sign-up is <see cref="SignUpSaga"/>,
/// the admin listing <see cref="UserListing"/>. A new flow is one method here (its calls and the Cognito errors it
/// knows) and its <see cref="AccountOperation"/>.
/// </summary>
internal sealed class AccountService(
    ICognitoIdentityProvider cognito,
    PasswordPolicyProvider passwordPolicy,
    UserLookup users,
    LogInSteps steps,
    AccountFlow flow,
    IOptions<AccountOptions> options,
    ILogger<AccountService> logger)
{
    /// <summary>What a client is told when Cognito refuses a password our validation let through.</summary>
    public const string PasswordRejectedMessage = "The identity service refused this password (policy or password history); choose another.";

    public Task<PasswordPolicy> GetPasswordPolicyAsync(CancellationToken cancellationToken) => passwordPolicy.GetAsync(cancellationToken);

    /// <summary>
    /// Logs in with email and password: the tokens, or the first challenge Cognito sets (<see cref="LogInSteps"/>), which
    /// <see cref="AnswerChallengeAsync"/> completes.
    /// </summary>
    public Task<AccountResult<TokenSet>> LogInAsync(string typedEmail, string password, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<TokenSet>(AccountOperation.LogIn, (audit, result) => audit.LogIn(result, typedEmail, caller), async () =>
        {
            var email = await users.UsernameForAsync(typedEmail, cancellationToken);
            return await steps.StartAsync(email, password, caller.Context, cancellationToken);
        },
        ex => ex.Code switch
        {
            // One answer for every way a login can be wrong, so it tells nobody whether the email exists.
            // (cognito-local answers InvalidPassword for a wrong password; Cognito answers NotAuthorized.)
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound or CognitoErrorCode.InvalidPassword or CognitoErrorCode.UserNotConfirmed
                => new AccountFailure.InvalidCredentials(),
            _ => LogInSteps.KnownError(ex),
        });

    /// <summary>Answers the challenge a login met, with the session its answer carried: tokens, the next challenge, or why not.</summary>
    public Task<AccountResult<TokenSet>> AnswerChallengeAsync(string session, ChallengeAnswer answer, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<TokenSet>(
            AccountOperation.AnswerChallenge,
            (audit, result) => audit.ChallengeAnswered(result, LogInSession.Decode(session)?.ChallengeName, caller),
            () => steps.AnswerAsync(session, answer, caller.Context, cancellationToken),
            ex => ex.Code switch
            {
                // The session was spent, has expired, was made for another challenge or user, or its user is gone:
                // the client starts the login again.
                CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => new AccountFailure.LogInSessionExpired(),
                CognitoErrorCode.CodeMismatch or CognitoErrorCode.ExpiredCode or CognitoErrorCode.EnableSoftwareTokenMFA => new AccountFailure.InvalidCode(),
                CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation => NewPasswordRejected,
                CognitoErrorCode.MFAMethodNotFound => new AccountFailure.FieldRejected("factor", "This factor is not set up for the account; choose another."),
                _ => LogInSteps.KnownError(ex),
            });

    /// <summary>New ID and access tokens for a refresh token.</summary>
    public Task<AccountResult<TokenSet>> RefreshAsync(string refreshToken, string? username, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<TokenSet>(AccountOperation.Refresh, (audit, result) => audit.Refresh(result, caller), async () =>
        {
            var response = await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken(refreshToken, username, caller.Context), cancellationToken);
            return IssuedTokens.Read(AccountOperation.Refresh, response.AuthenticationResult, logger);
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound or CognitoErrorCode.InvalidParameter => new AccountFailure.InvalidRefreshToken(),
            _ => null,
        });

    /// <summary>Revokes the refresh token (if given) and signs the user out of every device (where configured).</summary>
    public Task<AccountResult<Done>> LogOutAsync(string username, string? refreshToken, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.LogOut, (audit, result) => audit.LogOut(result, caller), async () =>
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
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.UnsupportedTokenType or CognitoErrorCode.NotAuthorized or CognitoErrorCode.InvalidParameter => new AccountFailure.InvalidRefreshToken(),
            _ => null,
        });

    /// <summary>
    /// Starts a password reset, for a proven email only: a code sent to an address nobody proved would let whoever
    /// registered it take over an account the owner may claim later (Cognito refuses it too, with InvalidParameter).
    /// Succeeds for unknown and unproven emails alike, so it reveals nothing.
    /// </summary>
    public Task<AccountResult<Done>> ForgotPasswordAsync(string typedEmail, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.ForgotPassword, (audit, result) => audit.PasswordResetRequest(result, typedEmail, caller), async () =>
        {
            try
            {
                var email = await users.UsernameForAsync(typedEmail, cancellationToken);
                if (await users.FindAsync(email, cancellationToken) is not { } user || !EmailVerification.IsVerified(user.UserAttributes))
                {
                    AccountLog.ForgotPasswordNotSent(logger);
                    return new Done();
                }

                await cognito.ForgotPasswordAsync(new ForgotPasswordRequest { Username = email }, cancellationToken);
            }
            catch (CognitoServiceException ex) when (ex.Code is CognitoErrorCode.UserNotFound or CognitoErrorCode.NotAuthorized or CognitoErrorCode.LimitExceeded
                                                         or CognitoErrorCode.InvalidParameter or CognitoErrorCode.CodeDeliveryFailure)
            {
                // Per-user outcomes are no failure to the caller: they would tell whether the email has an account.
                AccountLog.ForgotPasswordSuppressed(logger, ex.ErrorCode);
            }

            return new Done();
        });

    /// <summary>Sets a new password with the emailed code.</summary>
    public Task<AccountResult<Done>> ConfirmForgotPasswordAsync(string typedEmail, string code, string newPassword, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.ConfirmForgotPassword, (audit, result) => audit.PasswordResetConfirm(result, typedEmail, caller), async () =>
        {
            var email = await users.UsernameForAsync(typedEmail, cancellationToken);
            await cognito.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = email, ConfirmationCode = code, Password = newPassword }, cancellationToken);
            return new Done();
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.CodeMismatch or CognitoErrorCode.ExpiredCode or CognitoErrorCode.UserNotFound or CognitoErrorCode.NotAuthorized
                => new AccountFailure.InvalidCode(),
            CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation => NewPasswordRejected,
            _ => null,
        });

    /// <summary>Changes the signed-in user's password.</summary>
    public Task<AccountResult<Done>> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.ChangePassword, (audit, result) => audit.PasswordChange(result, caller), async () =>
        {
            await cognito.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = accessToken, PreviousPassword = currentPassword, ProposedPassword = newPassword }, cancellationToken);
            return new Done();
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.NotAuthorized => new AccountFailure.IncorrectPassword(),
            CognitoErrorCode.InvalidPassword when RefusesPreviousPassword(ex) => new AccountFailure.IncorrectPassword(),
            CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation => NewPasswordRejected,
            _ => null,
        });

    /// <summary>
    /// Deletes the signed-in user's account once their current password is confirmed. The password is checked with a
    /// login of the token's user, so an access token alone (leaked from a log or a browser) cannot delete the account,
    /// and wrong guesses count towards Cognito's lockout as at login. Then Cognito deletes the user of the access token,
    /// checking the token itself (a session signed out everywhere cannot delete). The user's refresh tokens end with it:
    /// Cognito issues no tokens for a user that does not exist. Its audit event names the caller's <c>sub</c> however
    /// the deletion went (<c>outcome_unknown</c>: Cognito may have deleted the account).
    /// </summary>
    public Task<AccountResult<Done>> DeleteAccountAsync(
        string username, string accessToken, string currentPassword, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.DeleteAccount, (audit, result) => audit.AccountDelete(result, caller), async () =>
        {
            // The answer is discarded: tokens nobody receives, or a challenge (MFA, a new password), which Cognito sets
            // only after it has accepted the password. Either way the password is right.
            _ = await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(username, currentPassword, caller.Context), cancellationToken);
            await cognito.DeleteUserAsync(new DeleteUserRequest { AccessToken = accessToken }, cancellationToken);
            return new Done();
        },
        ex => ex.Code switch
        {
            // The password check answers as login does (cognito-local: InvalidPassword); DeleteUser answers NotAuthorized
            // for a token Cognito has revoked. The answer is change-password's, whose text names both.
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound or CognitoErrorCode.InvalidPassword or CognitoErrorCode.UserNotConfirmed
                => new AccountFailure.IncorrectPassword(),
            // An administrator required a password reset: the password check cannot pass until the user resets it.
            _ => LogInSteps.KnownError(ex),
        });

    private static AccountFailure NewPasswordRejected => new AccountFailure.FieldRejected("newPassword", PasswordRejectedMessage);

    // Cognito refuses a wrong previous password with NotAuthorized, and gives InvalidPassword only for the proposed one,
    // always with a message that says why ("Password does not conform to policy: ...", "Provided password cannot be
    // used for security reasons."). cognito-local refuses a wrong previous password with InvalidPassword and the bare
    // message "Invalid password" (it never checks a proposed password): that one is about the current password.
    private static bool RefusesPreviousPassword(CognitoServiceException ex) =>
        string.Equals(ex.CognitoMessage?.Trim(), "Invalid password", StringComparison.OrdinalIgnoreCase);
}
