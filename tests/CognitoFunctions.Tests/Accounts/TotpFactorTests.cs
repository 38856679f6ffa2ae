using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The authenticator-app flows on the scripted Cognito: what each sends and answers (errors: AccountErrorMappingTests).</summary>
public sealed class TotpFactorTests : IDisposable
{
    private readonly AccountsHarness _harness = new();

    [Fact]
    public async Task Enrolment_answers_the_secret_and_an_otpauth_uri_labelled_with_the_pool_and_the_users_email()
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", request =>
            new AdminGetUserResponse { UserAttributes = [new() { Name = "email", Value = $"{request.Username}@example.com" }] });
        _harness.Cognito.Answer<object, DescribeUserPoolResponse>("DescribeUserPool", _ => new DescribeUserPoolResponse { UserPool = new() { Name = "Acme Users" } });
        _harness.Cognito.Answer<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse>("AssociateSoftwareToken", request =>
            request.AccessToken == "the-access-token" ? new AssociateSoftwareTokenResponse { SecretCode = "JBSWY3DPEHPK3PXP" } : throw new InvalidOperationException("wrong token"));

        var enrolment = (await _harness.Totp.EnrolAsync("the-access-token", "user+1", Caller.Unknown, CancellationToken.None)).Value!;

        Assert.Equal("JBSWY3DPEHPK3PXP", enrolment.SecretCode);
        Assert.Equal("otpauth://totp/Acme%20Users:user%2B1%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Users&algorithm=SHA1&digits=6&period=30", enrolment.OtpAuthUri);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", enrolment.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_pools_name_the_issuer_is_Cognito()
    {
        _harness.Cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse { UserAttributes = [new() { Name = "email", Value = "a@example.com" }] });
        _harness.Cognito.Throws("DescribeUserPool", CognitoErrors.Refusal("DescribeUserPool", "AccessDeniedException"));
        _harness.Cognito.Answer<object, AssociateSoftwareTokenResponse>("AssociateSoftwareToken", _ => new AssociateSoftwareTokenResponse { SecretCode = "JBSWY3DPEHPK3PXP" });

        var enrolment = (await _harness.Totp.EnrolAsync("the-access-token", "user", Caller.Unknown, CancellationToken.None)).Value!;

        Assert.StartsWith("otpauth://totp/Cognito:a%40example.com?", enrolment.OtpAuthUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_user_lookup_leaves_no_new_secret_behind()
    {
        _harness.Cognito.Throws("AdminGetUser", CognitoErrors.Refusal("AdminGetUser", "UserNotFoundException"));

        var failure = (await _harness.Totp.EnrolAsync("the-access-token", "user", Caller.Unknown, CancellationToken.None)).Failure;

        Assert.IsType<AccountFailure.AccessTokenRevoked>(failure);
        Assert.DoesNotContain(_harness.Cognito.Calls, c => c.Operation == "AssociateSoftwareToken");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Prefer_turns_the_factor_on_as_preferred_and_disable_turns_it_off(bool prefer)
    {
        SetUserMfaPreferenceRequest? sent = null;
        _harness.Cognito.Answer<SetUserMfaPreferenceRequest, object?>("SetUserMFAPreference", request => { sent = request; return null; });

        var result = prefer
            ? await _harness.Totp.PreferAsync("the-access-token", Caller.Unknown, CancellationToken.None)
            : await _harness.Totp.DisableAsync("the-access-token", Caller.Unknown, CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal("the-access-token", sent!.AccessToken);
        Assert.Equal(new SoftwareTokenMfaSettingsType { Enabled = prefer, PreferredMfa = prefer }, sent.SoftwareTokenMfaSettings);
    }

    [Fact]
    public async Task A_verification_Cognito_answers_with_ERROR_is_a_wrong_code()
    {
        _harness.Cognito.Answer<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>("VerifySoftwareToken", _ => new VerifySoftwareTokenResponse { Status = "ERROR" });

        var failure = (await _harness.Totp.VerifyAsync("the-access-token", "123456", Caller.Unknown, CancellationToken.None)).Failure;

        Assert.Equal("code", Assert.IsType<AccountFailure.FieldRejected>(failure).Field);
    }

    public void Dispose() => _harness.Dispose();
}
