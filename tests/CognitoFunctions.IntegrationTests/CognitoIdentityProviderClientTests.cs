using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.IntegrationTests;

/// <summary>
/// Every operation of the Cognito client round-trips against cognito-local, with its documented error cases where
/// cognito-local produces them. Where cognito-local answers differently from real Cognito the test says so; what it
/// lacks altogether is covered against a fake in CognitoFunctions.Cognito.Tests (CognitoLocalGapTests).
/// </summary>
public sealed class CognitoIdentityProviderClientTests : IClassFixture<CognitoLocalFixture>, IDisposable
{
    private const string Password = "Correct-Horse-9";
    private readonly CognitoLocalFixture _fixture;
    private readonly ServiceProvider _services;
    private readonly ICognitoIdentityProvider _cognito;

    public CognitoIdentityProviderClientTests(CognitoLocalFixture fixture)
    {
        _fixture = fixture;
        _services = LocalCognitoClient.Create(fixture);
        _cognito = _services.GetRequiredService<ICognitoIdentityProvider>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task The_default_credential_chain_picks_up_the_local_sample_placeholder_keys()
    {
        var credentials = await _services.GetRequiredService<IAwsCredentialSource>().GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(LocalCognitoClient.AwsEnvironment["AWS_ACCESS_KEY_ID"], credentials.AccessKey);
    }

    [Fact]
    public async Task AdminCreateUser_creates_the_user_with_its_sign_up_nonce_and_a_second_time_is_UsernameExists()
    {
        var email = NewEmail();
        var nonce = Guid.NewGuid().ToString("N");

        var created = await _cognito.AdminCreateUserAsync(NewUser(email, nonce));
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminCreateUserAsync(NewUser(email, Guid.NewGuid().ToString("N"))));
        var stored = await _cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = email });

        Assert.False(string.IsNullOrEmpty(created.User!.Username));
        Assert.Equal(email, created.User.Attributes.ValueOf("email"));
        Assert.Equal(CognitoErrorCode.UsernameExists, error.Code);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
        // The nonce the account service compares after a retried AdminCreateUser answers UsernameExists.
        Assert.Equal(nonce, stored.UserAttributes.ValueOf("custom:signup_nonce"));
        Assert.Equal(created.User.Attributes.ValueOf("sub"), stored.UserAttributes.ValueOf("sub"));
    }

    [Fact]
    public async Task AdminSetUserPassword_makes_the_password_permanent_and_an_unknown_user_is_UserNotFound()
    {
        var email = await CreateUserAsync(withPassword: false);

        await _cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = email, Password = Password, Permanent = true });
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = NewEmail(), Password = Password, Permanent = true }));

        // A permanent password logs in at once; a temporary one would be answered with the NEW_PASSWORD_REQUIRED challenge.
        var login = await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password));
        Assert.Null(login.ChallengeName);
        Assert.NotNull(login.AuthenticationResult);
        Assert.Equal(CognitoErrorCode.UserNotFound, error.Code);
    }

    [Fact]
    public async Task AdminInitiateAuth_with_context_data_issues_tokens_of_the_pool_and_refuses_wrong_credentials()
    {
        var email = await CreateUserAsync();
        var context = new ContextDataType
        {
            IpAddress = "203.0.113.7",
            ServerName = "localhost",
            ServerPath = "/api/auth/login",
            HttpHeaders = [new HttpHeader { HeaderName = "User-Agent", HeaderValue = "integration-test" }],
        };

        var result = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password, context))).AuthenticationResult!;
        var wrongPassword = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, "Wrong-Horse-9")));
        var unknownUser = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(NewEmail(), Password)));

        Assert.Equal(_fixture.Pool.Issuer, Jwt.Payload(result.IdToken!)["iss"]!.GetValue<string>());
        Assert.Equal("access", Jwt.Payload(result.AccessToken!)["token_use"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(result.RefreshToken));
        // cognito-local says InvalidPassword where real Cognito says NotAuthorized (see CognitoLocalGapTests).
        Assert.Equal(CognitoErrorCode.InvalidPassword, wrongPassword.Code);
        Assert.Equal(CognitoErrorCode.NotAuthorized, unknownUser.Code);
    }

    [Fact]
    public async Task REFRESH_TOKEN_AUTH_issues_new_id_and_access_tokens_without_a_refresh_token()
    {
        var email = await CreateUserAsync();
        var login = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password))).AuthenticationResult!;
        var username = Jwt.Payload(login.AccessToken!)["username"]!.GetValue<string>();

        var refreshed = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken(login.RefreshToken!, username))).AuthenticationResult!;
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken("not-a-refresh-token")));

        Assert.Null(refreshed.RefreshToken);
        Assert.Equal(email, Jwt.Payload(refreshed.IdToken!)["email"]!.GetValue<string>());
        Assert.Equal("access", Jwt.Payload(refreshed.AccessToken!)["token_use"]!.GetValue<string>());
        Assert.Equal(CognitoErrorCode.NotAuthorized, error.Code);
    }

    [Fact]
    public async Task RevokeToken_makes_the_refresh_token_unusable_and_an_unknown_token_is_NotAuthorized()
    {
        var email = await CreateUserAsync();
        var login = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password))).AuthenticationResult!;

        await _cognito.RevokeTokenAsync(new RevokeTokenRequest { Token = login.RefreshToken! });
        var refresh = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken(login.RefreshToken!)));
        var again = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.RevokeTokenAsync(new RevokeTokenRequest { Token = login.RefreshToken! }));

        Assert.Equal(CognitoErrorCode.NotAuthorized, refresh.Code);
        Assert.Equal(CognitoErrorCode.NotAuthorized, again.Code);
    }

    [Fact]
    public async Task DescribeUserPoolClient_answers_for_the_configured_client_and_an_unknown_client_id_is_ResourceNotFound()
    {
        Assert.NotNull(await _cognito.DescribeUserPoolClientAsync());
        using var misconfigured = LocalCognitoClient.Create(_fixture, clientId: "1wrongclientid0000000000000");
        var unknown = await Assert.ThrowsAsync<CognitoServiceException>(() => misconfigured.GetRequiredService<ICognitoIdentityProvider>().DescribeUserPoolClientAsync());

        Assert.Equal(CognitoErrorCode.ResourceNotFound, unknown.Code);
    }

    [Fact]
    public async Task ForgotPassword_then_ConfirmForgotPassword_sets_the_new_password_and_a_wrong_code_is_CodeMismatch()
    {
        var email = await CreateUserAsync();
        const string newPassword = "Battery-Staple-7";

        await _cognito.ForgotPasswordAsync(new ForgotPasswordRequest { Username = email });
        var wrongCode = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = email, ConfirmationCode = "000000", Password = newPassword }));
        await _cognito.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = email, ConfirmationCode = CognitoLocalServer.FixedCode, Password = newPassword });

        Assert.Equal(CognitoErrorCode.CodeMismatch, wrongCode.Code);
        Assert.NotNull((await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, newPassword))).AuthenticationResult);
        await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password)));
    }

    [Fact]
    public async Task ForgotPassword_for_an_unknown_user_is_UserNotFound_at_cognito_local()
    {
        // Real Cognito with PreventUserExistenceErrors=ENABLED (as aws-cognito.yaml sets) answers as for a known user.
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.ForgotPasswordAsync(new ForgotPasswordRequest { Username = NewEmail() }));

        Assert.Equal(CognitoErrorCode.UserNotFound, error.Code);
    }

    [Fact]
    public async Task ChangePassword_with_the_access_token_changes_it_and_a_wrong_current_password_is_refused()
    {
        var email = await CreateUserAsync();
        const string newPassword = "Battery-Staple-8";
        var access = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password))).AuthenticationResult!.AccessToken!;

        var wrong = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = access, PreviousPassword = "Wrong-Horse-9", ProposedPassword = newPassword }));
        await _cognito.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = access, PreviousPassword = Password, ProposedPassword = newPassword });

        // cognito-local says InvalidPassword where real Cognito says NotAuthorized.
        Assert.Equal(CognitoErrorCode.InvalidPassword, wrong.Code);
        Assert.NotNull((await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, newPassword))).AuthenticationResult);
    }

    [Fact]
    public async Task AdminDeleteUser_removes_the_user_and_deleting_again_is_UserNotFound()
    {
        var email = await CreateUserAsync();

        await _cognito.AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = email });
        var get = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = email }));
        var delete = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = email }));

        Assert.Equal(CognitoErrorCode.UserNotFound, get.Code);
        Assert.Equal(CognitoErrorCode.UserNotFound, delete.Code);
    }

    [Fact]
    public async Task DeleteUser_with_the_access_token_removes_its_user_and_its_refresh_token_and_a_repeat_is_refused()
    {
        var email = await CreateUserAsync();
        var login = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password))).AuthenticationResult!;

        await _cognito.DeleteUserAsync(new DeleteUserRequest { AccessToken = login.AccessToken! });
        var get = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = email }));
        var refresh = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForRefreshToken(login.RefreshToken!)));
        var again = await Assert.ThrowsAsync<CognitoServiceException>(() => _cognito.DeleteUserAsync(new DeleteUserRequest { AccessToken = login.AccessToken! }));

        Assert.Equal(CognitoErrorCode.UserNotFound, get.Code);
        Assert.Equal(CognitoErrorCode.NotAuthorized, refresh.Code);
        // Why DeleteUser is never resent after a lost answer: the repeat is refused although the user was deleted.
        Assert.Equal(CognitoErrorCode.NotAuthorized, again.Code);
    }

    [Fact]
    public async Task The_emailed_code_proves_an_unverified_email_once()
    {
        var email = NewEmail();
        await _cognito.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            Username = email,
            MessageAction = MessageActionType.Suppress,
            UserAttributes = [AttributeType.Of("email", email)],
        });
        await _cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = email, Password = Password, Permanent = true });
        var access = (await _cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(email, Password))).AuthenticationResult!.AccessToken!;

        await _cognito.GetUserAttributeVerificationCodeAsync(new GetUserAttributeVerificationCodeRequest { AccessToken = access, AttributeName = "email" });
        var wrong = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = access, AttributeName = "email", Code = "000000" }));
        await _cognito.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = access, AttributeName = "email", Code = CognitoLocalServer.FixedCode });
        var again = await Assert.ThrowsAsync<CognitoServiceException>(() =>
            _cognito.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = access, AttributeName = "email", Code = CognitoLocalServer.FixedCode }));
        var user = await _cognito.AdminGetUserAsync(new AdminGetUserRequest { Username = email });

        Assert.Equal(CognitoErrorCode.CodeMismatch, wrong.Code);
        Assert.Equal("true", user.UserAttributes.ValueOf("email_verified"));
        Assert.True(DateTimeOffset.UtcNow - user.UserCreateDate < TimeSpan.FromMinutes(5), $"created {user.UserCreateDate:O}");
        // Why VerifyUserAttribute is never resent after a lost answer: the repeat is refused although the email was proven.
        Assert.Equal(CognitoErrorCode.CodeMismatch, again.Code);
    }

    [Fact]
    public async Task ListUsers_lists_the_pools_users_with_their_attributes()
    {
        var prefix = $"list-{Guid.NewGuid():N}";
        var first = await CreateUserAsync($"{prefix}-a@example.com");
        var second = await CreateUserAsync($"{prefix}-b@example.com");

        var users = new List<UserType>();
        string? token = null;
        do
        {
            var page = await _cognito.ListUsersAsync(new ListUsersRequest { PaginationToken = token });
            users.AddRange(page.Users);
            token = page.PaginationToken;
        }
        while (token is not null);
        var ours = users.Where(u => u.Attributes.ValueOf("email")?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();

        Assert.Equal([first, second], ours.Select(u => u.Attributes.ValueOf("email")).Order(StringComparer.Ordinal));
        Assert.All(ours, u => Assert.True(u.Enabled));
    }

    [Fact]
    public async Task DescribeUserPool_describes_the_pool_provisioned_from_the_template()
    {
        var pool = (await _cognito.DescribeUserPoolAsync()).UserPool!;

        Assert.Equal(8, pool.Policies!.PasswordPolicy!.MinimumLength);
        Assert.True(pool.Policies.PasswordPolicy.RequireSymbols);
    }

    [Fact]
    public async Task AdminUserGlobalSignOut_is_missing_from_cognito_local_which_answers_HTTP_500_so_it_surfaces_as_a_server_error()
    {
        var email = await CreateUserAsync();

        var error = await Assert.ThrowsAsync<CognitoServerErrorException>(() => _cognito.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { Username = email }));

        Assert.Equal("Unsupported", error.ErrorCode);
        Assert.Equal(4, error.Attempts);
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private static AdminCreateUserRequest NewUser(string email, string nonce) => new()
    {
        Username = email,
        MessageAction = MessageActionType.Suppress,
        UserAttributes = [AttributeType.Of("email", email), AttributeType.Of("email_verified", "true"), AttributeType.Of("custom:signup_nonce", nonce)],
    };

    private async Task<string> CreateUserAsync(string? email = null, bool withPassword = true)
    {
        email ??= NewEmail();
        await _cognito.AdminCreateUserAsync(NewUser(email, Guid.NewGuid().ToString("N")));
        if (withPassword)
        {
            await _cognito.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = email, Password = Password, Permanent = true });
        }

        return email;
    }
}
