using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts.Audit;

/// <summary>
/// The audit events: one structured log event per account operation and outcome, in category <see cref="Category"/>
/// at Information, with EventIds 300–349 whose names (<c>LoginSucceeded</c>, <c>LoginFailed</c>, …) are stable, so
/// that log queries and alerts can rely on them. Every event carries its <c>Outcome</c> (<c>success</c>, or the failure's
/// kind as the <c>cognito.account.operations</c> metric names it) and the client's address as the app sees it; the
/// user's <c>Sub</c> where the app knows it, the <c>EmailHash</c> where the request named an email and a key is set.
/// Never a password, token, code, session or secret, and never an email in clear. A failed login carries no sub: it
/// would tell the operator's log reader which email has an account, which the HTTP answer does not tell either.
/// The account flows raise them through <see cref="AccountFlow"/>, which requires each flow to name its event.
/// </summary>
internal sealed partial class AuditLog
{
    /// <summary>The log category of every audit event (keep it at Information or lower in production).</summary>
    public const string Category = "CognitoFunctions.Audit";

    /// <summary>The first and last EventId of the audit events.</summary>
    public const int FirstEventId = 300;

    /// <inheritdoc cref="FirstEventId"/>
    public const int LastEventId = 349;

    private readonly ILogger _logger;
    private readonly byte[]? _emailKey;

    public AuditLog(ILoggerFactory loggers, IOptions<AuditOptions> options)
    {
        _logger = loggers.CreateLogger(Category);
        _emailKey = string.IsNullOrEmpty(options.Value.EmailHashKey) ? null : Encoding.UTF8.GetBytes(options.Value.EmailHashKey);
    }

    public void SignUp(AccountResult<string> result, string typedEmail, Caller caller)
    {
        if (result.Failure is { } failure)
        {
            SignUpFailed(_logger, Outcome(failure), caller.Address, EmailHash(typedEmail));
        }
        else
        {
            SignUpSucceeded(_logger, AccountMetrics.Success, result.Value, caller.Address, EmailHash(typedEmail));
        }
    }

    /// <summary>A sign-up deleted the account <paramref name="replacedSub"/>, whose email nobody proved in time, to take the address.</summary>
    public void UnprovenAccountReplaced(string? replacedSub, string email, Caller caller) =>
        UnprovenAccountReplaced(_logger, "replaced", replacedSub, caller.Address, EmailHash(email));

    public void LogIn(AccountResult<TokenSet> result, string typedEmail, Caller caller)
    {
        switch (result.Failure)
        {
            case null:
                LoginSucceeded(_logger, AccountMetrics.Success, result.Value!.Sub, caller.Address, EmailHash(typedEmail));
                break;
            case AccountFailure.ChallengeRequired challenge:
                LoginChallengeSet(_logger, Outcome(challenge), challenge.Challenge.Name, caller.Address, EmailHash(typedEmail));
                break;
            case var failure:
                LoginFailed(_logger, Outcome(failure), caller.Address, EmailHash(typedEmail));
                break;
        }
    }

    /// <summary>The answer to a challenge; <paramref name="challenge"/> is the challenge answered, when the session names one this API made.</summary>
    public void ChallengeAnswered(AccountResult<TokenSet> result, string? challenge, Caller caller)
    {
        switch (result.Failure)
        {
            case null:
                LoginChallengeSucceeded(_logger, AccountMetrics.Success, challenge, result.Value!.Sub, caller.Address);
                break;
            case AccountFailure.ChallengeRequired next:
                LoginChallengeSet(_logger, Outcome(next), next.Challenge.Name, caller.Address, emailHash: null);
                break;
            case var failure:
                LoginChallengeFailed(_logger, Outcome(failure), challenge, caller.Address);
                break;
        }
    }

    public void Refresh(AccountResult<TokenSet> result, Caller caller)
    {
        if (result.Failure is { } failure)
        {
            RefreshFailed(_logger, Outcome(failure), caller.Address);
        }
        else
        {
            RefreshSucceeded(_logger, AccountMetrics.Success, result.Value!.Sub, caller.Address);
        }
    }

    public void LogOut<T>(AccountResult<T> result, Caller caller) =>
        Signed(result, caller, LogoutSucceeded, LogoutFailed);

    public void PasswordChange<T>(AccountResult<T> result, Caller caller) =>
        Signed(result, caller, PasswordChangeSucceeded, PasswordChangeFailed);

    public void PasswordResetRequest<T>(AccountResult<T> result, string typedEmail, Caller caller) =>
        ByEmail(result, typedEmail, caller, PasswordResetRequestSucceeded, PasswordResetRequestFailed);

    public void PasswordResetConfirm<T>(AccountResult<T> result, string typedEmail, Caller caller) =>
        ByEmail(result, typedEmail, caller, PasswordResetConfirmSucceeded, PasswordResetConfirmFailed);

    public void TotpEnrol<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, TotpEnrolSucceeded, TotpEnrolFailed);

    public void TotpVerify<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, TotpVerifySucceeded, TotpVerifyFailed);

    public void TotpPrefer<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, TotpPreferSucceeded, TotpPreferFailed);

    public void TotpDisable<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, TotpDisableSucceeded, TotpDisableFailed);

    /// <summary>A request for an email code: <c>sent</c>, or <c>already_verified</c> (nothing sent), or the failure.</summary>
    public void EmailCodeRequest(AccountResult<EmailCodeDelivery> result, Caller caller)
    {
        Action<ILogger, string, string?, string?> raise = result.Failure is null ? EmailCodeRequestSucceeded : EmailCodeRequestFailed;
        raise(_logger, result.Failure is { } failure ? Outcome(failure) : result.Value!.Sent ? "sent" : "already_verified", caller.Sub, caller.Address);
    }

    public void EmailVerify<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, EmailVerifySucceeded, EmailVerifyFailed);

    /// <summary>An account deletion; <c>outcome_unknown</c> among its failures means Cognito may have deleted the account.</summary>
    public void AccountDelete<T>(AccountResult<T> result, Caller caller) => Signed(result, caller, AccountDeleteSucceeded, AccountDeleteFailed);

    /// <summary>An administrator's listing: who listed, and how many users the page held.</summary>
    public void UserList(AccountResult<UserPage> result, Caller caller)
    {
        if (result.Failure is { } failure)
        {
            UserListFailed(_logger, Outcome(failure), caller.Sub, caller.Address);
            return;
        }

        UserListSucceeded(_logger, AccountMetrics.Success, result.Value!.Users.Count, caller.Sub, caller.Address);
    }

    /// <summary>
    /// HMAC-SHA256 of the normalized email under the configured key, lower-case hex; null without a key. An operator
    /// computes the same with <c>printf '%s' alice@example.com | openssl dgst -sha256 -hmac "$KEY"</c>.
    /// </summary>
    public string? EmailHash(string email) =>
        _emailKey is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_emailKey, Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))));

    private static string Outcome(AccountFailure failure) => AccountMetrics.OutcomeOf(failure);

    // The operations of a caller who names an account by its email only: the sub stays unknown, as in the HTTP answer.
    private void ByEmail<T>(AccountResult<T> result, string typedEmail, Caller caller, Action<ILogger, string, string?, string?> succeeded, Action<ILogger, string, string?, string?> failed)
    {
        if (result.Failure is { } failure)
        {
            failed(_logger, Outcome(failure), caller.Address, EmailHash(typedEmail));
        }
        else
        {
            succeeded(_logger, AccountMetrics.Success, caller.Address, EmailHash(typedEmail));
        }
    }

    // The operations of a signed-in user: the token names the user, so no email is needed.
    private void Signed<T>(AccountResult<T> result, Caller caller, Action<ILogger, string, string?, string?> succeeded, Action<ILogger, string, string?, string?> failed)
    {
        if (result.Failure is { } failure)
        {
            failed(_logger, Outcome(failure), caller.Sub, caller.Address);
        }
        else
        {
            succeeded(_logger, AccountMetrics.Success, caller.Sub, caller.Address);
        }
    }

    [LoggerMessage(300, LogLevel.Information, "SignUpSucceeded: {Outcome}, user {Sub}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void SignUpSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress, string? emailHash);

    [LoggerMessage(301, LogLevel.Information, "SignUpFailed: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void SignUpFailed(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(302, LogLevel.Information, "UnprovenAccountReplaced: {Outcome}, the account of user {Sub}, whose email was never proven within the hold, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void UnprovenAccountReplaced(ILogger logger, string outcome, string? sub, string? clientAddress, string? emailHash);

    [LoggerMessage(303, LogLevel.Information, "LoginSucceeded: {Outcome}, user {Sub}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void LoginSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress, string? emailHash);

    [LoggerMessage(304, LogLevel.Information, "LoginFailed: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void LoginFailed(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(305, LogLevel.Information, "LoginChallengeSet: {Outcome} {Challenge}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void LoginChallengeSet(ILogger logger, string outcome, string challenge, string? clientAddress, string? emailHash);

    [LoggerMessage(306, LogLevel.Information, "LoginChallengeSucceeded: {Outcome}, {Challenge} answered, user {Sub}, client {ClientAddress}")]
    private static partial void LoginChallengeSucceeded(ILogger logger, string outcome, string? challenge, string? sub, string? clientAddress);

    [LoggerMessage(307, LogLevel.Information, "LoginChallengeFailed: {Outcome}, {Challenge} not answered, client {ClientAddress}")]
    private static partial void LoginChallengeFailed(ILogger logger, string outcome, string? challenge, string? clientAddress);

    [LoggerMessage(308, LogLevel.Information, "RefreshSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void RefreshSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(309, LogLevel.Information, "RefreshFailed: {Outcome}, client {ClientAddress}")]
    private static partial void RefreshFailed(ILogger logger, string outcome, string? clientAddress);

    [LoggerMessage(310, LogLevel.Information, "LogoutSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void LogoutSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(311, LogLevel.Information, "LogoutFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void LogoutFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(312, LogLevel.Information, "PasswordChangeSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void PasswordChangeSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(313, LogLevel.Information, "PasswordChangeFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void PasswordChangeFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(314, LogLevel.Information, "PasswordResetRequestSucceeded: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void PasswordResetRequestSucceeded(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(315, LogLevel.Information, "PasswordResetRequestFailed: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void PasswordResetRequestFailed(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(316, LogLevel.Information, "PasswordResetConfirmSucceeded: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void PasswordResetConfirmSucceeded(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(317, LogLevel.Information, "PasswordResetConfirmFailed: {Outcome}, client {ClientAddress}, email hash {EmailHash}")]
    private static partial void PasswordResetConfirmFailed(ILogger logger, string outcome, string? clientAddress, string? emailHash);

    [LoggerMessage(318, LogLevel.Information, "TotpEnrolSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpEnrolSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(319, LogLevel.Information, "TotpEnrolFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpEnrolFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(320, LogLevel.Information, "TotpVerifySucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpVerifySucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(321, LogLevel.Information, "TotpVerifyFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpVerifyFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(322, LogLevel.Information, "TotpPreferSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpPreferSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(323, LogLevel.Information, "TotpPreferFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpPreferFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(324, LogLevel.Information, "TotpDisableSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpDisableSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(325, LogLevel.Information, "TotpDisableFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void TotpDisableFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(326, LogLevel.Information, "EmailCodeRequestSucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void EmailCodeRequestSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(327, LogLevel.Information, "EmailCodeRequestFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void EmailCodeRequestFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(328, LogLevel.Information, "EmailVerifySucceeded: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void EmailVerifySucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(329, LogLevel.Information, "EmailVerifyFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void EmailVerifyFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(330, LogLevel.Information, "AccountDeleteSucceeded: {Outcome}, the account of user {Sub} is deleted, client {ClientAddress}")]
    private static partial void AccountDeleteSucceeded(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(331, LogLevel.Information, "AccountDeleteFailed: {Outcome}, user {Sub}, client {ClientAddress}")]
    private static partial void AccountDeleteFailed(ILogger logger, string outcome, string? sub, string? clientAddress);

    [LoggerMessage(332, LogLevel.Information, "UserListSucceeded: {Outcome}, {Count} users listed by user {Sub}, client {ClientAddress}")]
    private static partial void UserListSucceeded(ILogger logger, string outcome, int count, string? sub, string? clientAddress);

    [LoggerMessage(333, LogLevel.Information, "UserListFailed: {Outcome}, by user {Sub}, client {ClientAddress}")]
    private static partial void UserListFailed(ILogger logger, string outcome, string? sub, string? clientAddress);
}
