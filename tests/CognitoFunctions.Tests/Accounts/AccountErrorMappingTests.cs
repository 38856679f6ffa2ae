using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// Every flow's error mapping on the scripted Cognito, one failing call each: the Cognito errors a flow knows become
/// its own account failures (or, for a password reset request, no failure at all), and every other Cognito failure
/// (throttling, no answer, a lost answer, no credentials, an unreadable answer, an error no flow expects) becomes the
/// same account failure in every flow, logged once. The end-to-end tests show the same through cognito-local and the
/// fault proxy; these show each mapping alone, in milliseconds.
/// </summary>
public sealed class AccountErrorMappingTests : IDisposable
{
    private const string Email = "someone@example.com";
    private const string Sub = "7d1c0e52-0000-4000-8000-000000000001";

    private readonly AccountsHarness _harness = new();
    private string? _nonce;

    /// <summary>Each flow by name: the operation whose failure the test scripts, and the operation name it is counted and logged under.</summary>
    private static readonly Dictionary<string, (string Fails, AccountOperation Operation)> Flows = new()
    {
        ["login"] = ("AdminInitiateAuth", AccountOperation.LogIn),
        ["login, email typed with capitals"] = ("AdminGetUser", AccountOperation.LogIn),
        ["answer challenge"] = ("AdminRespondToAuthChallenge", AccountOperation.AnswerChallenge),
        ["answer challenge, authenticator set-up"] = ("VerifySoftwareToken", AccountOperation.AnswerChallenge),
        ["refresh"] = ("AdminInitiateAuth", AccountOperation.Refresh),
        ["logout, revocation"] = ("RevokeToken", AccountOperation.LogOut),
        ["logout, global sign-out"] = ("AdminUserGlobalSignOut", AccountOperation.LogOut),
        ["forgot password"] = ("ForgotPassword", AccountOperation.ForgotPassword),
        ["forgot password, lookup"] = ("AdminGetUser", AccountOperation.ForgotPassword),
        ["confirm forgot password"] = ("ConfirmForgotPassword", AccountOperation.ConfirmForgotPassword),
        ["change password"] = ("ChangePassword", AccountOperation.ChangePassword),
        ["delete account, password check"] = ("AdminInitiateAuth", AccountOperation.DeleteAccount),
        ["delete account, deletion"] = ("DeleteUser", AccountOperation.DeleteAccount),
        ["signup, create"] = ("AdminCreateUser", AccountOperation.SignUp),
        ["signup, password"] = ("AdminSetUserPassword", AccountOperation.SignUp),
        ["enrol totp"] = ("AssociateSoftwareToken", AccountOperation.EnrolTotp),
        ["verify totp"] = ("VerifySoftwareToken", AccountOperation.VerifyTotp),
        ["prefer totp"] = ("SetUserMFAPreference", AccountOperation.PreferTotp),
        ["disable totp"] = ("SetUserMFAPreference", AccountOperation.DisableTotp),
        ["send email code, lookup"] = ("AdminGetUser", AccountOperation.SendEmailCode),
        ["send email code"] = ("GetUserAttributeVerificationCode", AccountOperation.SendEmailCode),
        ["verify email"] = ("VerifyUserAttribute", AccountOperation.VerifyEmail),
        ["list users"] = ("ListUsers", AccountOperation.ListUsers),
        ["list users, next page"] = ("ListUsers", AccountOperation.ListUsers),
    };

    public static TheoryData<string, string, string> KnownErrors => new()
    {
        // flow, Cognito's error code, the account failure ("success" when the flow answers as if all went well)
        { "login", "NotAuthorizedException", "InvalidCredentials" },
        { "login", "UserNotFoundException", "InvalidCredentials" },
        { "login", "InvalidPasswordException", "InvalidCredentials" },
        { "login", "UserNotConfirmedException", "InvalidCredentials" },
        { "login", "PasswordResetRequiredException", "ChallengeUnsupported PASSWORD_RESET_REQUIRED" },
        // A spent, expired or foreign session (Cognito: NotAuthorized "Invalid session for the user"), or a user gone since.
        { "answer challenge", "NotAuthorizedException", "LogInSessionExpired" },
        { "answer challenge", "UserNotFoundException", "LogInSessionExpired" },
        { "answer challenge", "CodeMismatchException", "InvalidCode" },
        { "answer challenge", "ExpiredCodeException", "InvalidCode" },
        { "answer challenge", "InvalidPasswordException", "FieldRejected newPassword" },
        { "answer challenge", "PasswordHistoryPolicyViolationException", "FieldRejected newPassword" },
        { "answer challenge", "MFAMethodNotFoundException", "FieldRejected factor" },
        { "answer challenge", "PasswordResetRequiredException", "ChallengeUnsupported PASSWORD_RESET_REQUIRED" },
        { "answer challenge, authenticator set-up", "EnableSoftwareTokenMFAException", "InvalidCode" },
        { "answer challenge, authenticator set-up", "CodeMismatchException", "InvalidCode" },
        { "answer challenge, authenticator set-up", "NotAuthorizedException", "LogInSessionExpired" },
        { "login, email typed with capitals", "NotAuthorizedException", "InvalidCredentials" },
        { "refresh", "NotAuthorizedException", "InvalidRefreshToken" },
        { "refresh", "UserNotFoundException", "InvalidRefreshToken" },
        { "refresh", "InvalidParameterException", "InvalidRefreshToken" },
        { "logout, revocation", "UnsupportedTokenTypeException", "InvalidRefreshToken" },
        { "logout, revocation", "NotAuthorizedException", "InvalidRefreshToken" },
        { "logout, revocation", "InvalidParameterException", "InvalidRefreshToken" },
        { "logout, global sign-out", "NotAuthorizedException", "InvalidRefreshToken" },
        { "forgot password", "UserNotFoundException", "success" },
        { "forgot password", "NotAuthorizedException", "success" },
        { "forgot password", "LimitExceededException", "success" },
        { "forgot password", "InvalidParameterException", "success" },
        { "forgot password", "CodeDeliveryFailureException", "success" },
        { "forgot password, lookup", "UserNotFoundException", "success" },
        { "confirm forgot password", "CodeMismatchException", "InvalidCode" },
        { "confirm forgot password", "ExpiredCodeException", "InvalidCode" },
        { "confirm forgot password", "UserNotFoundException", "InvalidCode" },
        { "confirm forgot password", "NotAuthorizedException", "InvalidCode" },
        { "confirm forgot password", "InvalidPasswordException", "FieldRejected newPassword" },
        { "confirm forgot password", "PasswordHistoryPolicyViolationException", "FieldRejected newPassword" },
        { "change password", "NotAuthorizedException", "IncorrectPassword" },
        { "change password", "InvalidPasswordException", "FieldRejected newPassword" },
        { "change password", "PasswordHistoryPolicyViolationException", "FieldRejected newPassword" },
        { "delete account, password check", "NotAuthorizedException", "IncorrectPassword" },
        { "delete account, password check", "InvalidPasswordException", "IncorrectPassword" },
        { "delete account, password check", "UserNotFoundException", "IncorrectPassword" },
        { "delete account, password check", "PasswordResetRequiredException", "ChallengeUnsupported PASSWORD_RESET_REQUIRED" },
        { "delete account, deletion", "NotAuthorizedException", "IncorrectPassword" },
        { "signup, create", "UsernameExistsException", "EmailTaken" },
        { "signup, create", "InvalidParameterException", "FieldRejected email" },
        { "signup, password", "InvalidPasswordException", "FieldRejected password" },
        { "signup, password", "PasswordHistoryPolicyViolationException", "FieldRejected password" },
        { "list users, next page", "InvalidParameterException", "FieldRejected paginationToken" },
        { "list users", "InvalidParameterException", "UpstreamError" },
        { "enrol totp", "NotAuthorizedException", "AccessTokenRevoked" },
        { "verify totp", "CodeMismatchException", "FieldRejected code" },
        { "verify totp", "EnableSoftwareTokenMFAException", "FieldRejected code" },
        { "verify totp", "SoftwareTokenMFANotFoundException", "TotpNotEnrolled" },
        { "verify totp", "InvalidParameterException", "TotpNotEnrolled" },
        { "verify totp", "NotAuthorizedException", "AccessTokenRevoked" },
        { "prefer totp", "InvalidParameterException", "TotpNotEnrolled" },
        { "prefer totp", "SoftwareTokenMFANotFoundException", "TotpNotEnrolled" },
        { "prefer totp", "NotAuthorizedException", "AccessTokenRevoked" },
        { "disable totp", "InvalidParameterException", "MfaRequired" },
        { "disable totp", "NotAuthorizedException", "AccessTokenRevoked" },
        { "send email code, lookup", "UserNotFoundException", "AccessTokenRevoked" },
        { "send email code", "NotAuthorizedException", "AccessTokenRevoked" },
        { "send email code", "LimitExceededException", "LimitExceeded" },
        { "verify email", "CodeMismatchException", "InvalidCode" },
        { "verify email", "ExpiredCodeException", "InvalidCode" },
        { "verify email", "NotAuthorizedException", "AccessTokenRevoked" },
        { "verify email", "LimitExceededException", "LimitExceeded" },
        { "login", "LimitExceededException", "LimitExceeded" },
        { "confirm forgot password", "LimitExceededException", "LimitExceeded" },
    };

    public static TheoryData<string, string, string> CommonFailures()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var flow in Flows.Keys)
        {
            foreach (var (failure, expected) in CognitoErrors.CommonFailures())
            {
                // Sign-up's rollback removes the user whose password step was lost: the outcome is known again, no account.
                data.Add(flow, failure, flow == "signup, password" && failure == "answer lost" ? "Unavailable" : expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KnownErrors))]
    public async Task A_Cognito_error_the_flow_knows_becomes_its_own_answer(string flow, string errorCode, string expected)
    {
        var failure = await RunAsync(flow, operation => CognitoErrors.Refusal(operation, errorCode));

        Assert.Equal(expected, Describe(failure));
    }

    [Theory]
    [MemberData(nameof(CommonFailures))]
    public async Task Any_other_Cognito_failure_becomes_the_same_answer_in_every_flow_and_one_log_line(string flow, string failure, string expected)
    {
        var answer = await RunAsync(flow, operation => CognitoErrors.Common(failure, operation));

        Assert.Equal(expected, Describe(answer));
        if (answer is AccountFailure.Throttled or AccountFailure.OutcomeUnknown || failure == "server error")
        {
            Assert.Equal(CognitoErrors.RetryAfter, answer switch
            {
                AccountFailure.Throttled t => t.RetryAfter,
                AccountFailure.OutcomeUnknown o => o.RetryAfter,
                AccountFailure.Unavailable u => u.RetryAfter,
                _ => null,
            });
        }

        var logged = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Contains(Flows[flow].Operation.Name, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_current_password_as_cognito_local_refuses_it_is_an_incorrect_password()
    {
        // cognito-local refuses a wrong previous password with InvalidPassword and the bare message "Invalid password".
        var failure = await RunAsync("change password", operation => CognitoErrors.Refusal(operation, "InvalidPasswordException", "Invalid password"));

        Assert.IsType<AccountFailure.IncorrectPassword>(failure);
    }

    [Fact]
    public async Task A_refused_password_reset_request_is_logged_with_Cognitos_code()
    {
        await RunAsync("forgot password", operation => CognitoErrors.Refusal(operation, "UserNotFoundException"));

        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Message == "Password reset request answered as accepted; Cognito said UserNotFoundException");
    }

    public void Dispose() => _harness.Dispose();

    private static string Describe(AccountFailure? failure) => failure switch
    {
        null => "success",
        AccountFailure.FieldRejected rejected => $"FieldRejected {rejected.Field}",
        AccountFailure.ChallengeRequired challenge => $"ChallengeRequired {challenge.Challenge.Name}",
        AccountFailure.ChallengeUnsupported challenge => $"ChallengeUnsupported {challenge.ChallengeName}",
        _ => failure.GetType().Name,
    };

    /// <summary>Runs <paramref name="flow"/> with its one failing call throwing <paramref name="error"/>, every other call answering.</summary>
    private async Task<AccountFailure?> RunAsync(string flow, Func<string, Exception> error)
    {
        var fails = Flows[flow].Fails;
        var cognito = _harness.Cognito;
        cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", request => _nonce is null
            ? throw CognitoErrors.Refusal("AdminGetUser", "UserNotFoundException")
            : new AdminGetUserResponse { UserAttributes = [new() { Name = "sub", Value = Sub }, new() { Name = SignUpSaga.NonceAttribute, Value = _nonce }] });
        cognito.Answer<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", request =>
        {
            _nonce = request.UserAttributes.ValueOf(SignUpSaga.NonceAttribute);
            return new AdminCreateUserResponse { User = new UserType { Username = Sub, Attributes = [new() { Name = "sub", Value = Sub }] } };
        });
        cognito.Answer<object, object?>("AdminSetUserPassword", _ => null);
        cognito.Answer<object, object?>("AdminDeleteUser", _ => null);
        cognito.Answer<object, object?>("RevokeToken", _ => null);
        cognito.Answer<object, object?>("AdminUserGlobalSignOut", _ => null);
        cognito.Answer<object, object?>("ConfirmForgotPassword", _ => null);
        cognito.Answer<object, object?>("ChangePassword", _ => null);
        cognito.Answer<object, AssociateSoftwareTokenResponse>("AssociateSoftwareToken", _ => new AssociateSoftwareTokenResponse { SecretCode = "JBSWY3DPEHPK3PXP" });
        cognito.Answer<object, VerifySoftwareTokenResponse>("VerifySoftwareToken", _ => new VerifySoftwareTokenResponse { Status = "SUCCESS" });
        cognito.Answer<object, object?>("SetUserMFAPreference", _ => null);
        cognito.Answer<object, DescribeUserPoolResponse>("DescribeUserPool", _ => new DescribeUserPoolResponse { UserPool = new() { Name = "pool" } });
        cognito.Answer<object, GetUserAttributeVerificationCodeResponse>("GetUserAttributeVerificationCode", _ => new GetUserAttributeVerificationCodeResponse());
        cognito.Answer<object, object?>("VerifyUserAttribute", _ => null);
        if (flow is "forgot password" or "forgot password, lookup")
        {
            cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse
            {
                UserAttributes = [new() { Name = "email", Value = Email }, new() { Name = "email_verified", Value = "true" }],
            });
        }

        if (flow is "enrol totp" or "send email code" or "send email code, lookup")
        {
            cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse { UserAttributes = [new() { Name = "email", Value = Email }] });
        }

        cognito.Answer<object, object?>("DeleteUser", _ => null);
        cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => new AuthFlowResponse { ChallengeName = "SOFTWARE_TOKEN_MFA" });
        cognito.Answer<RespondToAuthChallengeRequest, AuthFlowResponse>("AdminRespondToAuthChallenge", _ => new AuthFlowResponse { ChallengeName = "SOFTWARE_TOKEN_MFA" });
        cognito.Answer<object, ForgotPasswordResponse>("ForgotPassword", _ => new ForgotPasswordResponse());
        cognito.Answer<object, ListUsersResponse>("ListUsers", _ => new ListUsersResponse());
        cognito.Throws(fails, error(fails));

        var none = CancellationToken.None;
        return flow switch
        {
            "login" => (await _harness.Accounts.LogInAsync(Email, "Wrong-Horse-9", Caller.Unknown, none)).Failure,
            "login, email typed with capitals" => (await _harness.Accounts.LogInAsync("Someone@Example.com", "Wrong-Horse-9", Caller.Unknown, none)).Failure,
            "answer challenge" => (await _harness.Accounts.AnswerChallengeAsync(
                new LogInSession("SOFTWARE_TOKEN_MFA", Sub, "cognito-session").Encode(), new ChallengeAnswer("123456", null, null), Caller.Unknown, none)).Failure,
            "answer challenge, authenticator set-up" => (await _harness.Accounts.AnswerChallengeAsync(
                new LogInSession("MFA_SETUP", Sub, "cognito-session").Encode(), new ChallengeAnswer("123456", null, null), Caller.Unknown, none)).Failure,
            "refresh" => (await _harness.Accounts.RefreshAsync("refresh-token", null, Caller.Unknown, none)).Failure,
            "logout, revocation" or "logout, global sign-out" => (await _harness.Accounts.LogOutAsync(Sub, "refresh-token", Caller.Unknown, none)).Failure,
            "forgot password" or "forgot password, lookup" => (await _harness.Accounts.ForgotPasswordAsync(Email, Caller.Unknown, none)).Failure,
            "confirm forgot password" => (await _harness.Accounts.ConfirmForgotPasswordAsync(Email, "123456", "Brand-New-Passw0rd", Caller.Unknown, none)).Failure,
            "change password" => (await _harness.Accounts.ChangePasswordAsync("access-token", "Correct-Horse-9", "Brand-New-Passw0rd", Caller.Unknown, none)).Failure,
            "delete account, password check" or "delete account, deletion" =>
                (await _harness.Accounts.DeleteAccountAsync(Sub, "access-token", "Correct-Horse-9", new Caller(null, Sub), none)).Failure,
            "signup, create" or "signup, password" => (await _harness.SignUp.SignUpAsync(Email, "Correct-Horse-9", Caller.Unknown, none)).Failure,
            "enrol totp" => (await _harness.Totp.EnrolAsync("access-token", Sub, Caller.Unknown, none)).Failure,
            "verify totp" => (await _harness.Totp.VerifyAsync("access-token", "123456", Caller.Unknown, none)).Failure,
            "prefer totp" => (await _harness.Totp.PreferAsync("access-token", Caller.Unknown, none)).Failure,
            "disable totp" => (await _harness.Totp.DisableAsync("access-token", Caller.Unknown, none)).Failure,
            "send email code" or "send email code, lookup" => (await _harness.Email.SendCodeAsync("access-token", Sub, Caller.Unknown, none)).Failure,
            "verify email" => (await _harness.Email.VerifyAsync("access-token", "123456", Caller.Unknown, none)).Failure,
            "list users" => (await _harness.Users.ListUsersAsync(10, null, Caller.Unknown, none)).Failure,
            _ => (await _harness.Users.ListUsersAsync(10, "next-page", Caller.Unknown, none)).Failure,
        };
    }
}
