using CognitoFunctions.Accounts.Audit;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The signed-in user's authenticator-app factor (TOTP): start an enrolment (a new secret, and the <c>otpauth://</c>
/// URI an authenticator app reads), verify its first code, make it the preferred factor, turn it off. Every call is
/// authorized by the user's access token, so Cognito applies it to that user alone.
/// </summary>
internal sealed class TotpFactor(ICognitoIdentityProvider cognito, UserPoolDescription pool, AccountFlow flow)
{
    /// <summary>How old the pool's name (the issuer shown in authenticator apps) may be.</summary>
    private static readonly TimeSpan PoolNameAge = TimeSpan.FromHours(1);

    /// <summary>The issuer label when the pool's name cannot be read.</summary>
    private const string FallbackIssuer = "Cognito";

    private const string NotVerifiedMessage = "The code does not match; enter the current code from the authenticator app.";

    /// <summary>Starts an enrolment for the user <paramref name="username"/> holding <paramref name="accessToken"/>.</summary>
    public Task<AccountResult<TotpEnrolment>> EnrolAsync(string accessToken, string username, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<TotpEnrolment>(AccountOperation.EnrolTotp, (audit, result) => audit.TotpEnrol(result, caller), async () =>
        {
            // Read before anything changes: a failed lookup leaves no new secret behind.
            var account = await AccountNameAsync(username, cancellationToken);
            var issuer = await IssuerAsync(cancellationToken);
            var association = await cognito.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = accessToken }, cancellationToken);
            if (string.IsNullOrEmpty(association.SecretCode))
            {
                return new AccountFailure.UpstreamError();
            }

            return new TotpEnrolment(association.SecretCode, TotpEnrolment.Uri(issuer, account, association.SecretCode));
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.NotAuthorized or CognitoErrorCode.UserNotFound => new AccountFailure.AccessTokenRevoked(),
            _ => null,
        });

    /// <summary>Verifies the first code of the enrolment in progress.</summary>
    public Task<AccountResult<Done>> VerifyAsync(string accessToken, string code, Caller caller, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(AccountOperation.VerifyTotp, (audit, result) => audit.TotpVerify(result, caller), async () =>
        {
            var answer = await cognito.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = accessToken, UserCode = code }, cancellationToken);
            return answer.Status == "SUCCESS" ? new Done() : new AccountFailure.FieldRejected("code", NotVerifiedMessage);
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.CodeMismatch or CognitoErrorCode.EnableSoftwareTokenMFA => new AccountFailure.FieldRejected("code", NotVerifiedMessage),
            // The code's syntax is checked before the call, so an invalid parameter is the missing enrolment
            // (cognito-local: "User has not associated a software token").
            CognitoErrorCode.SoftwareTokenMFANotFound or CognitoErrorCode.InvalidParameter => new AccountFailure.TotpNotEnrolled(),
            CognitoErrorCode.NotAuthorized => new AccountFailure.AccessTokenRevoked(),
            _ => null,
        });

    /// <summary>Turns the verified factor on as the one Cognito asks for first.</summary>
    public Task<AccountResult<Done>> PreferAsync(string accessToken, Caller caller, CancellationToken cancellationToken) =>
        SetAsync(AccountOperation.PreferTotp, (audit, result) => audit.TotpPrefer(result, caller), accessToken, enabled: true, cancellationToken);

    /// <summary>Turns the factor off.</summary>
    public Task<AccountResult<Done>> DisableAsync(string accessToken, Caller caller, CancellationToken cancellationToken) =>
        SetAsync(AccountOperation.DisableTotp, (audit, result) => audit.TotpDisable(result, caller), accessToken, enabled: false, cancellationToken);

    private Task<AccountResult<Done>> SetAsync(
        AccountOperation operation, Action<AuditLog, AccountResult<Done>> audited, string accessToken, bool enabled, CancellationToken cancellationToken) =>
        flow.RunAsync<Done>(operation, audited, async () =>
        {
            var settings = new SoftwareTokenMfaSettingsType { Enabled = enabled, PreferredMfa = enabled };
            await cognito.SetUserMFAPreferenceAsync(new SetUserMfaPreferenceRequest { AccessToken = accessToken, SoftwareTokenMfaSettings = settings }, cancellationToken);
            return new Done();
        },
        ex => ex.Code switch
        {
            CognitoErrorCode.SoftwareTokenMFANotFound => new AccountFailure.TotpNotEnrolled(),
            // Turning on a factor never verified, or turning off the last one of a pool that requires MFA.
            CognitoErrorCode.InvalidParameter => enabled ? new AccountFailure.TotpNotEnrolled() : new AccountFailure.MfaRequired(),
            CognitoErrorCode.NotAuthorized => new AccountFailure.AccessTokenRevoked(),
            _ => null,
        });

    /// <summary>The account's name in authenticator apps: the user's email, else the username.</summary>
    public async Task<string> AccountNameAsync(string username, CancellationToken cancellationToken)
    {
        var user = await cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = username }, cancellationToken);
        return user.UserAttributes.ValueOf("email") ?? username;
    }

    /// <summary>The issuer label in authenticator apps: the pool's name, else a fixed label.</summary>
    public async Task<string> IssuerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var name = (await pool.GetAsync(PoolNameAge, cancellationToken)).UserPool?.Name;
            return string.IsNullOrWhiteSpace(name) ? FallbackIssuer : name;
        }
        catch (Exception ex) when (ex is CognitoException or TimeoutException)
        {
            // Only the label in the authenticator app depends on it.
            return FallbackIssuer;
        }
    }
}

/// <summary>A TOTP enrolment in progress: the shared secret and its <c>otpauth://</c> URI.</summary>
internal sealed record TotpEnrolment(string SecretCode, string OtpAuthUri)
{
    /// <summary>
    /// The key URI authenticator apps read (the Key Uri Format of Google Authenticator): label
    /// <c>issuer:account</c>, the base32 secret, and Cognito's parameters (SHA1, 6 digits, 30 seconds).
    /// </summary>
    public static string Uri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Escape(issuer)}:{Escape(account)}?secret={Escape(secret)}&issuer={Escape(issuer)}&algorithm=SHA1&digits=6&period=30";

    private static string Escape(string value) => System.Uri.EscapeDataString(value);

    /// <inheritdoc />
    public override string ToString() => $"{nameof(TotpEnrolment)} {{ SecretCode = ***, OtpAuthUri = *** }}";
}
