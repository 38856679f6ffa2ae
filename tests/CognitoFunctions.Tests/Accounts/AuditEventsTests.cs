using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// The audit events of every account flow on the scripted Cognito: each operation's event name, outcome, sub and
/// client address, the email only as its keyed hash, and nothing secret in any property of any event.
/// </summary>
public sealed class AuditEventsTests : IDisposable
{
    private const string TypedEmail = " Someone@Example.com";
    private const string Email = "someone@example.com";
    private const string Sub = "5f0c8a7e-2b1d-4c3e-9f8a-7b6c5d4e3f21";
    private const string Address = "203.0.113.7";
    private const string HashKey = "audit-test-key-0123456789abcdefghijklmnop";
    private const string Password = "Correct-Horse-9";
    private const string NewPassword = "Brand-New-Passw0rd";
    private const string Code = "908172";
    private const string WrongCode = "463511";
    private const string CognitoSession = "cognito-session-AYABeC0ffee";
    private const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string ListedEmail = "listed.user@example.org";
    private const string RefreshToken = "refresh-eyJjdHkiOiJKV1QifQ-opaque";

    private static readonly Caller Anonymous = new(new ContextDataType { IpAddress = Address, ServerName = "app.example.com", ServerPath = "/api/user/login" });
    private static readonly Caller SignedIn = Anonymous with { Sub = Sub };

    private readonly AccountsHarness _harness = new(settings: new Dictionary<string, string?> { ["Audit:EmailHashKey"] = HashKey });
    private readonly string _accessToken = Jwt(new { sub = Sub, username = Sub, token_use = "access", iat = 1_700_000_000, exp = 1_700_003_600 });
    private readonly string _idToken = Jwt(new { sub = Sub, email = Email, token_use = "id", iat = 1_700_000_000, exp = 1_700_003_600 });

    [Fact]
    public async Task Every_flow_raises_its_event_with_the_outcome_the_sub_and_the_client_address_and_nothing_secret()
    {
        var session = await RunEveryFlowAsync();

        var events = _harness.Logs.AuditEvents();
        Assert.Equal(
            [
                ("SignUpSucceeded", 300, "success", Sub, true),
                ("SignUpFailed", 301, "email_taken", null, true),
                ("LoginFailed", 304, "invalid_credentials", null, true),
                ("LoginChallengeSet", 305, "challenge_required", null, true),
                ("LoginChallengeFailed", 307, "invalid_code", null, false),
                ("LoginChallengeSucceeded", 306, "success", Sub, false),
                ("LoginSucceeded", 303, "success", Sub, true),
                ("RefreshSucceeded", 308, "success", Sub, false),
                ("EmailCodeRequestSucceeded", 326, "sent", Sub, false),
                ("EmailVerifyFailed", 329, "invalid_code", Sub, false),
                ("EmailVerifySucceeded", 328, "success", Sub, false),
                ("TotpEnrolSucceeded", 318, "success", Sub, false),
                ("TotpVerifySucceeded", 320, "success", Sub, false),
                ("TotpPreferSucceeded", 322, "success", Sub, false),
                ("TotpDisableSucceeded", 324, "success", Sub, false),
                ("PasswordChangeFailed", 313, "incorrect_password", Sub, false),
                ("PasswordChangeSucceeded", 312, "success", Sub, false),
                ("PasswordResetRequestSucceeded", 314, "success", null, true),
                ("PasswordResetConfirmFailed", 317, "invalid_code", null, true),
                ("PasswordResetConfirmSucceeded", 316, "success", null, true),
                ("LogoutSucceeded", 310, "success", Sub, false),
                ("UserListSucceeded", 332, "success", Sub, false),
                ("AccountDeleteSucceeded", 330, "success", Sub, false),
            ],
            events.Select(e => (e.Id.Name, e.Id.Id, e.Property("Outcome"), e.Property("Sub"), e.Property("EmailHash") is not null)));
        Assert.All(events, e =>
        {
            Assert.Equal(LogLevel.Information, e.Level);
            Assert.Equal(Address, e.Property("ClientAddress"));
        });
        Assert.Equal(
            ("SOFTWARE_TOKEN_MFA", "SOFTWARE_TOKEN_MFA", "SOFTWARE_TOKEN_MFA", "2"),
            (events[3].Property("Challenge"), events[4].Property("Challenge"), events[5].Property("Challenge"), events[21].Property("Count")));

        // Everything a client sent or Cognito answered that is secret or personal, in any case.
        string[] secrets =
        [
            Password, NewPassword, Code, WrongCode, CognitoSession, session, TotpSecret, _accessToken, _idToken, RefreshToken,
            Signature(_accessToken), Signature(_idToken), Email, TypedEmail.Trim(), ListedEmail, HashKey,
        ];
        var leaks = from e in events
                    from value in e.StructuredState!.Select(p => p.Value).Append(e.Message)
                    from secret in secrets
                    where value is not null && value.Contains(secret, StringComparison.OrdinalIgnoreCase)
                    select $"{e.Id.Name}: {secret}";
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_raise_the_same_event_without_a_sub()
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified: true));
        _harness.Cognito.Throws("AdminInitiateAuth", CognitoErrors.Refusal("AdminInitiateAuth", "UserNotFoundException", "User does not exist."));
        await _harness.Accounts.LogInAsync(TypedEmail, Password, Anonymous, CancellationToken.None);
        _harness.Cognito.Throws("AdminInitiateAuth", CognitoErrors.Refusal("AdminInitiateAuth", "NotAuthorizedException", "Incorrect username or password."));
        await _harness.Accounts.LogInAsync(TypedEmail, Password, Anonymous, CancellationToken.None);

        var events = _harness.Logs.AuditEvents();
        Assert.Equal(2, events.Count);
        Assert.Equal((events[0].Id, events[0].Message), (events[1].Id, events[1].Message));
        Assert.Equal(events[0].StructuredState, events[1].StructuredState);
        Assert.Equal(("LoginFailed", "invalid_credentials", null), (events[0].Id.Name, events[0].Property("Outcome"), events[0].Property("Sub")));
    }

    [Fact]
    public async Task The_email_hash_is_the_HMAC_SHA256_of_the_normalized_email_under_the_key()
    {
        _harness.Cognito.Throws("ForgotPassword", CognitoErrors.Refusal("ForgotPassword", "LimitExceededException"));
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified: true));

        await _harness.Accounts.ForgotPasswordAsync(TypedEmail, Anonymous, CancellationToken.None);
        await _harness.Accounts.ForgotPasswordAsync(Email, Anonymous, CancellationToken.None);

        // What `printf '%s' someone@example.com | openssl dgst -sha256 -hmac "$KEY"` prints.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HashKey), Encoding.UTF8.GetBytes(Email)));
        Assert.Equal([expected, expected], _harness.Logs.AuditEvents().Select(e => e.Property("EmailHash")));
    }

    [Fact]
    public async Task Without_a_key_the_events_carry_no_email_at_all()
    {
        using var harness = new AccountsHarness();
        harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified: true));
        harness.Cognito.Throws("AdminInitiateAuth", CognitoErrors.Refusal("AdminInitiateAuth", "NotAuthorizedException"));

        await harness.Accounts.LogInAsync(TypedEmail, Password, Caller.Unknown, CancellationToken.None);

        var failed = Assert.Single(harness.Logs.AuditEvents());
        Assert.Equal(("LoginFailed", null, null), (failed.Id.Name, failed.Property("EmailHash"), failed.Property("ClientAddress")));
        Assert.DoesNotContain(Email, failed.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("too-short-key")]
    [InlineData("0123456789abcdef0123456789abcde")]
    public void A_key_shorter_than_32_characters_stops_the_app_at_start_up(string key)
    {
        using var services = new ServiceCollection().AddLogging()
            .AddAccounts(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:EmailHashKey"] = key }).Build())
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("Audit__EmailHashKey must be at least 32 characters", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_up_that_replaces_a_stale_unproven_account_names_the_replaced_sub_then_its_own()
    {
        using var harness = new AccountsHarness(settings: new Dictionary<string, string?> { ["Accounts:UnprovenEmailHoldsFor"] = "00:00:00", ["Audit:EmailHashKey"] = HashKey });
        var creates = 0;
        harness.Cognito.On<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", (request, _) => ++creates == 1
            ? throw CognitoErrors.Refusal("AdminCreateUser", "UsernameExistsException", "User account already exists")
            : Task.FromResult(new AdminCreateUserResponse { User = new UserType { Username = Sub, Attributes = [AttributeType.Of("sub", Sub)] } }));
        harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse
        {
            UserAttributes = [AttributeType.Of("sub", "stale-sub"), AttributeType.Of("email", Email), AttributeType.Of(SignUpSaga.NonceAttribute, "their-nonce")],
            UserCreateDate = DateTimeOffset.UtcNow.AddDays(-2),
        });
        harness.Cognito.On<AdminDeleteUserRequest>("AdminDeleteUser", (_, _) => Task.CompletedTask);
        harness.Cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);

        await harness.SignUp.SignUpAsync(Email, Password, Anonymous, CancellationToken.None);

        Assert.Equal(
            [("UnprovenAccountReplaced", 302, "replaced", "stale-sub"), ("SignUpSucceeded", 300, "success", Sub)],
            harness.Logs.AuditEvents().Select(e => (e.Id.Name, e.Id.Id, e.Property("Outcome"), e.Property("Sub"))));
        Assert.All(harness.Logs.AuditEvents(), e => Assert.Equal((Address, harness.Logs.AuditEvents()[1].Property("EmailHash")), (e.Property("ClientAddress"), e.Property("EmailHash"))));
    }

    [Fact]
    public async Task A_deletion_whose_answer_was_lost_is_a_failure_that_may_have_deleted_the_account()
    {
        _harness.Cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => Tokens());
        _harness.Cognito.Throws("DeleteUser", CognitoErrors.Common("answer lost", "DeleteUser"));

        await _harness.Accounts.DeleteAccountAsync(Sub, _accessToken, Password, SignedIn, CancellationToken.None);

        var deletion = Assert.Single(_harness.Logs.AuditEvents());
        Assert.Equal(("AccountDeleteFailed", "outcome_unknown", Sub), (deletion.Id.Name, deletion.Property("Outcome"), deletion.Property("Sub")));
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>Each flow once or twice, successes and failures, as one user's session would; returns the login session issued.</summary>
    private async Task<string> RunEveryFlowAsync()
    {
        var cognito = _harness.Cognito;
        var none = CancellationToken.None;
        var verified = false;
        cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => User(verified));

        cognito.Answer<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", _ => new() { User = new UserType { Username = Sub, Attributes = [AttributeType.Of("sub", Sub)] } });
        cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);
        await _harness.SignUp.SignUpAsync(Email, Password, Anonymous, none);
        cognito.Throws("AdminCreateUser", CognitoErrors.Refusal("AdminCreateUser", "UsernameExistsException", "User account already exists"));
        await _harness.SignUp.SignUpAsync(Email, Password, Anonymous, none);

        cognito.Throws("AdminInitiateAuth", CognitoErrors.Refusal("AdminInitiateAuth", "NotAuthorizedException", "Incorrect username or password."));
        await _harness.Accounts.LogInAsync(TypedEmail, NewPassword, Anonymous, none);
        cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => new() { ChallengeName = "SOFTWARE_TOKEN_MFA", Session = CognitoSession, ChallengeParameters = new Dictionary<string, string> { ["USER_ID_FOR_SRP"] = Sub } });
        var challenge = (AccountFailure.ChallengeRequired)(await _harness.Accounts.LogInAsync(TypedEmail, Password, Anonymous, none)).Failure!;
        cognito.Throws("AdminRespondToAuthChallenge", CognitoErrors.Refusal("AdminRespondToAuthChallenge", "CodeMismatchException"));
        await _harness.Accounts.AnswerChallengeAsync(challenge.Challenge.Session, new ChallengeAnswer(WrongCode, null, null), Anonymous, none);
        cognito.Answer<RespondToAuthChallengeRequest, AuthFlowResponse>("AdminRespondToAuthChallenge", _ => Tokens());
        await _harness.Accounts.AnswerChallengeAsync(challenge.Challenge.Session, new ChallengeAnswer(Code, null, null), Anonymous, none);
        cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => Tokens());
        await _harness.Accounts.LogInAsync(TypedEmail, Password, Anonymous, none);
        await _harness.Accounts.RefreshAsync(RefreshToken, null, Anonymous, none);

        cognito.Answer<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse>(
            "GetUserAttributeVerificationCode", _ => new() { CodeDeliveryDetails = new() { Destination = "s***@e***", DeliveryMedium = "EMAIL", AttributeName = "email" } });
        await _harness.Email.SendCodeAsync(_accessToken, Sub, SignedIn, none);
        cognito.Throws("VerifyUserAttribute", CognitoErrors.Refusal("VerifyUserAttribute", "CodeMismatchException"));
        await _harness.Email.VerifyAsync(_accessToken, WrongCode, SignedIn, none);
        cognito.On<VerifyUserAttributeRequest>("VerifyUserAttribute", (_, _) => Task.CompletedTask);
        await _harness.Email.VerifyAsync(_accessToken, Code, SignedIn, none);
        verified = true;

        cognito.OnDescribeUserPool(_ => Task.FromResult(new DescribeUserPoolResponse { UserPool = new UserPoolType { Name = "pool" } }));
        cognito.Answer<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse>("AssociateSoftwareToken", _ => new() { SecretCode = TotpSecret });
        await _harness.Totp.EnrolAsync(_accessToken, Sub, SignedIn, none);
        cognito.Answer<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>("VerifySoftwareToken", _ => new() { Status = "SUCCESS" });
        await _harness.Totp.VerifyAsync(_accessToken, Code, SignedIn, none);
        cognito.On<SetUserMfaPreferenceRequest>("SetUserMFAPreference", (_, _) => Task.CompletedTask);
        await _harness.Totp.PreferAsync(_accessToken, SignedIn, none);
        await _harness.Totp.DisableAsync(_accessToken, SignedIn, none);

        cognito.Throws("ChangePassword", CognitoErrors.Refusal("ChangePassword", "NotAuthorizedException", "Incorrect username or password."));
        await _harness.Accounts.ChangePasswordAsync(_accessToken, NewPassword, Password, SignedIn, none);
        cognito.On<ChangePasswordRequest>("ChangePassword", (_, _) => Task.CompletedTask);
        await _harness.Accounts.ChangePasswordAsync(_accessToken, Password, NewPassword, SignedIn, none);

        cognito.Answer<ForgotPasswordRequest, ForgotPasswordResponse>("ForgotPassword", _ => new());
        await _harness.Accounts.ForgotPasswordAsync(TypedEmail, Anonymous, none);
        cognito.Throws("ConfirmForgotPassword", CognitoErrors.Refusal("ConfirmForgotPassword", "CodeMismatchException"));
        await _harness.Accounts.ConfirmForgotPasswordAsync(TypedEmail, WrongCode, Password, Anonymous, none);
        cognito.On<ConfirmForgotPasswordRequest>("ConfirmForgotPassword", (_, _) => Task.CompletedTask);
        await _harness.Accounts.ConfirmForgotPasswordAsync(TypedEmail, Code, Password, Anonymous, none);

        cognito.On<RevokeTokenRequest>("RevokeToken", (_, _) => Task.CompletedTask);
        cognito.On<AdminUserGlobalSignOutRequest>("AdminUserGlobalSignOut", (_, _) => Task.CompletedTask);
        await _harness.Accounts.LogOutAsync(Sub, RefreshToken, SignedIn, none);

        cognito.Answer<ListUsersRequest, ListUsersResponse>("ListUsers", _ => new()
        {
            Users =
            [
                new UserType { Username = Sub, Attributes = [AttributeType.Of("sub", Sub), AttributeType.Of("email", Email)] },
                new UserType { Username = "other", Attributes = [AttributeType.Of("sub", "other-sub"), AttributeType.Of("email", ListedEmail)] },
            ],
        });
        await _harness.Users.ListUsersAsync(10, null, SignedIn, none);

        cognito.On<DeleteUserRequest>("DeleteUser", (_, _) => Task.CompletedTask);
        await _harness.Accounts.DeleteAccountAsync(Sub, _accessToken, Password, SignedIn, none);
        return challenge.Challenge.Session;
    }

    private AuthFlowResponse Tokens() => new()
    {
        AuthenticationResult = new AuthenticationResultType { AccessToken = _accessToken, IdToken = _idToken, RefreshToken = RefreshToken, ExpiresIn = 3600 },
    };

    private static AdminGetUserResponse User(bool verified) => new()
    {
        UserAttributes = [AttributeType.Of("sub", Sub), AttributeType.Of("email", Email), AttributeType.Of("email_verified", verified ? "true" : "false")],
    };

    private static string Jwt(object payload) =>
        $"{Segment(new { alg = "RS256", kid = "k1" })}.{Segment(payload)}.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private static string Segment(object value) => System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Signature(string jwt) => jwt[(jwt.LastIndexOf('.') + 1)..];
}
