using System.Buffers.Text;
using System.Security.Cryptography;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Accounts.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts;

/// <summary>
/// Sign-up, safe under retries and races: AdminCreateUser stamps a random nonce on the user, a retried create that
/// meets an existing user counts as ours only when that user carries our nonce, and whatever fails after the user may
/// exist rolls back that user (and only that one), so no user is left without a password holding the email for good.
/// An account that holds the email without ever proving it does not hold it for good either: once it is older than
/// <see cref="AccountOptions.UnprovenEmailHoldsFor"/>, a sign-up of the address deletes it and creates its own.
/// </summary>
internal sealed class SignUpSaga(
    ICognitoIdentityProvider cognito,
    UserLookup users,
    AccountFlow flow,
    AccountMetrics metrics,
    AuditLog audit,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<SignUpSaga> logger)
{
    /// <summary>The custom attribute sign-up stamps to recognise its own user (declared in aws-cognito.yaml).</summary>
    public const string NonceAttribute = "custom:signup_nonce";

    /// <summary>
    /// Creates a confirmed user with a permanent password and an email still to be proven (verified at once only under
    /// <see cref="AccountOptions.MarkEmailVerifiedWithoutProof"/>); returns the user's sub.
    /// </summary>
    public Task<AccountResult<string>> SignUpAsync(string typedEmail, string password, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<string>(AccountOperation.SignUp, (audit, result) => audit.SignUp(result, typedEmail, caller), async () =>
        {
            var typed = typedEmail.Trim();
            var email = EmailAddress.Normalize(typed);

            // On a case-sensitive pool an account made before this rule may hold the address in the case typed.
            if (email != typed && await users.FindAsync(typed, cancellationToken) is not null)
            {
                return new AccountFailure.EmailTaken();
            }

            var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
            var created = await CreateUserAsync(email, nonce, caller, mayReplace: true, cancellationToken);
            return created.Failure is null ? await SetPasswordAsync(email, nonce, password, created) : created;
        });

    /// <summary>AdminCreateUser with the nonce; the new user's sub, or why there is none (and no user of ours left).</summary>
    private async Task<AccountResult<string>> CreateUserAsync(string email, string nonce, Caller caller, bool mayReplace, CancellationToken cancellationToken)
    {
        CognitoServiceException? exists;
        try
        {
            var created = await cognito.AdminCreateUserAsync(new AdminCreateUserRequest
            {
                Username = email,
                MessageAction = MessageActionType.Suppress,
                UserAttributes = Attributes(email, nonce),
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
            return new AccountFailure.FieldRejected("email", "The identity service refused this email address.");
        }
        catch (CognitoException ex) when (ex is CognitoUnavailableException or CognitoProtocolException || ex.EarlierAttemptMayHaveSucceeded)
        {
            // No answer (timeout, broken connection, 5xx) or one that cannot be read does not mean no user: Cognito may
            // have created it. Left behind without a password, it would hold the email for good.
            await RollBackAsync(email, nonce);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away while the request may already have reached Cognito.
            await RollBackAsync(email, nonce);
            throw;
        }

        AdminGetUserResponse? holder;
        try
        {
            holder = await users.FindAsync(email, CancellationToken.None);
        }
        catch (CognitoException) when (exists.EarlierAttemptMayHaveSucceeded)
        {
            await RollBackAsync(email, nonce);
            throw;
        }

        // A retried AdminCreateUser may meet the user its own lost first attempt created: ours if it carries our nonce.
        if (exists.EarlierAttemptMayHaveSucceeded && holder?.UserAttributes.ValueOf(NonceAttribute) == nonce)
        {
            return holder!.UserAttributes.ValueOf("sub") ?? "";
        }

        if (mayReplace && holder is not null && IsStaleUnproven(holder))
        {
            return await ReplaceAsync(email, nonce, holder, caller, cancellationToken);
        }

        return new AccountFailure.EmailTaken();
    }

    /// <summary>
    /// An account this app's sign-up made (it carries a sign-up nonce: never one an administrator created) whose email
    /// nobody proved within the hold. Cognito's creation date is the clock; without one the account is kept.
    /// </summary>
    private bool IsStaleUnproven(AdminGetUserResponse user) =>
        !EmailVerification.IsVerified(user.UserAttributes)
        && !string.IsNullOrEmpty(user.UserAttributes.ValueOf(NonceAttribute))
        && user.UserCreateDate != default
        && time.GetUtcNow() - user.UserCreateDate >= options.Value.UnprovenEmailHoldsFor;

    /// <summary>
    /// Deletes the stale unproven <paramref name="holder"/> (only that user: the one carrying the nonce just read) and
    /// creates this sign-up's user in its place. A sign-up that gets in between takes the address: this one is then
    /// refused as taken, without a second replacement.
    /// </summary>
    private async Task<AccountResult<string>> ReplaceAsync(string email, string nonce, AdminGetUserResponse holder, Caller caller, CancellationToken cancellationToken)
    {
        // Cognito deletes by username and has no conditional delete: the nonce is read again just before, as the
        // rollback does, so a user another sign-up created since the first read is kept. Only one created within the
        // round trip between this read and the delete could still go: Cognito offers nothing tighter.
        var stale = holder.UserAttributes.ValueOf(NonceAttribute)!;
        if (await users.FindAsync(email, cancellationToken) is not { } current || current.UserAttributes.ValueOf(NonceAttribute) != stale || !IsStaleUnproven(current))
        {
            return new AccountFailure.EmailTaken();
        }

        try
        {
            await cognito.AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = email }, cancellationToken);
            audit.UnprovenAccountReplaced(current.UserAttributes.ValueOf("sub"), email, caller);
        }
        catch (CognitoServiceException ex) when (ex.Code == CognitoErrorCode.UserNotFound)
        {
            // Gone already (another sign-up replaced it first): the create below decides who has the address.
        }

        return await CreateUserAsync(email, nonce, caller, mayReplace: false, cancellationToken);
    }

    // The email stays unproven (no email_verified attribute: Cognito reads its absence as false) unless the operator chose
    // the original tutorial's behaviour. Writing "false" instead would read as true in cognito-local's tokens.
    private AttributeType[] Attributes(string email, string nonce) => options.Value.MarkEmailVerifiedWithoutProof
        ? [AttributeType.Of("email", email), AttributeType.Of("email_verified", "true"), AttributeType.Of(NonceAttribute, nonce)]
        : [AttributeType.Of("email", email), AttributeType.Of(NonceAttribute, nonce)];

    /// <summary>AdminSetUserPassword on the user just created; on failure that user is rolled back.</summary>
    private async Task<AccountResult<string>> SetPasswordAsync(string email, string nonce, string password, AccountResult<string> created)
    {
        try
        {
            // The user exists now: from here on the steps run to their end even if the client has gone away, since
            // a user left without a password would hold the email for good.
            await cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = email, Password = password, Permanent = true }, CancellationToken.None);
            return created;
        }
        catch (CognitoException ex)
        {
            var undone = await RollBackAsync(email, nonce);
            if (ex is CognitoServiceException { Code: CognitoErrorCode.InvalidPassword or CognitoErrorCode.PasswordHistoryPolicyViolation })
            {
                return new AccountFailure.FieldRejected("password", AccountService.PasswordRejectedMessage);
            }

            // A password step whose outcome is unknown is known again once the rollback has removed the user: no account.
            if (ex is CognitoOutcomeUnknownException lost && undone)
            {
                return CognitoFailures.Unavailable(lost, AccountOperation.SignUp, logger);
            }

            throw;
        }
    }

    private async Task<AdminGetUserResponse?> FindOwnUserAsync(string email, string nonce) =>
        await users.FindAsync(email, CancellationToken.None) is { } user && user.UserAttributes.ValueOf(NonceAttribute) == nonce ? user : null;

    // Deletes the user this sign-up created, and only that one: a concurrent sign-up of the same email may own
    // the account by now. Runs to completion even if the client has gone away. True when no user of ours is left.
    private async Task<bool> RollBackAsync(string email, string nonce)
    {
        try
        {
            if (await FindOwnUserAsync(email, nonce) is not null)
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
            AccountLog.RollbackFailed(logger, ex);
            return false;
        }
    }
}
