using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// Account deletion on the scripted Cognito: the current password is confirmed by a login of the token's user before
/// Cognito deletes the user of the access token, a wrong password deletes nothing, and the audit line names the user by
/// <c>sub</c> alone. (The error mapping of both steps is in <see cref="AccountErrorMappingTests"/>.)
/// </summary>
public sealed class DeleteAccountTests : IDisposable
{
    private const string Username = "0a1b2c3d-0000-4000-8000-000000000002";
    private const string Sub = "7d1c0e52-0000-4000-8000-000000000001";
    private const string AccessToken = "header.access-token-payload.signature";
    private const string Password = "Correct-Horse-9";

    private readonly AccountsHarness _harness = new();

    [Fact]
    public async Task The_password_is_confirmed_for_the_tokens_user_then_Cognito_deletes_the_user_of_the_access_token()
    {
        _harness.Cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => Tokens());
        _harness.Cognito.Answer<DeleteUserRequest, object?>("DeleteUser", _ => null);

        var result = await _harness.Accounts.DeleteAccountAsync(Username, AccessToken, Password, new Caller(null, Sub), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(["AdminInitiateAuth", "DeleteUser"], _harness.Cognito.Calls.Select(c => c.Operation));
        var check = Assert.IsType<AdminInitiateAuthRequest>(_harness.Cognito.Calls[0].Request);
        Assert.Equal(AuthFlowType.AdminUserPasswordAuth, check.AuthFlow);
        Assert.Equal(Username, check.AuthParameters["USERNAME"]);
        Assert.Equal(Password, check.AuthParameters["PASSWORD"]);
        Assert.Equal(AccessToken, Assert.IsType<DeleteUserRequest>(_harness.Cognito.Calls[1].Request).AccessToken);
    }

    [Fact]
    public async Task A_wrong_password_deletes_nothing()
    {
        _harness.Cognito.Throws("AdminInitiateAuth", CognitoErrors.Refusal("AdminInitiateAuth", "NotAuthorizedException", "Incorrect username or password."));

        var result = await _harness.Accounts.DeleteAccountAsync(Username, AccessToken, "Wrong-Horse-9", new Caller(null, Sub), CancellationToken.None);

        Assert.IsType<AccountFailure.IncorrectPassword>(result.Failure);
        Assert.Equal(0, _harness.Cognito.CountOf("DeleteUser"));
        var audit = Assert.Single(_harness.Logs.AuditEvents());
        Assert.Equal(("AccountDeleteFailed", "incorrect_password", Sub), (audit.Id.Name, audit.Property("Outcome"), audit.Property("Sub")));
    }

    [Theory]
    [InlineData("SOFTWARE_TOKEN_MFA")]
    [InlineData("NEW_PASSWORD_REQUIRED")]
    public async Task A_challenge_after_the_password_means_the_password_is_right(string challenge)
    {
        // Cognito sets a challenge only once it has accepted the password: deletion does not need the second factor.
        _harness.Cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => new AuthFlowResponse { ChallengeName = challenge });
        _harness.Cognito.Answer<DeleteUserRequest, object?>("DeleteUser", _ => null);

        var result = await _harness.Accounts.DeleteAccountAsync(Username, AccessToken, Password, new Caller(null, Sub), CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(1, _harness.Cognito.CountOf("DeleteUser"));
    }

    [Fact]
    public async Task A_deletion_is_audited_with_the_sub_and_nothing_else_of_the_user()
    {
        _harness.Cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => Tokens());
        _harness.Cognito.Answer<DeleteUserRequest, object?>("DeleteUser", _ => null);

        await _harness.Accounts.DeleteAccountAsync(Username, AccessToken, Password, new Caller(null, Sub), CancellationToken.None);

        var audit = Assert.Single(_harness.Logs.AuditEvents());
        Assert.Equal(LogLevel.Information, audit.Level);
        Assert.Equal(("AccountDeleteSucceeded", 330, "success", Sub), (audit.Id.Name, audit.Id.Id, audit.Property("Outcome"), audit.Property("Sub")));
        Assert.All(_harness.Logs.GetSnapshot(), r =>
        {
            Assert.DoesNotContain(Password, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(AccessToken, r.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_lost_answer_to_the_deletion_is_an_unknown_outcome_audited_with_the_sub()
    {
        _harness.Cognito.Answer<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", _ => Tokens());
        _harness.Cognito.Throws("DeleteUser", CognitoErrors.Common("answer lost", "DeleteUser"));

        var result = await _harness.Accounts.DeleteAccountAsync(Username, AccessToken, Password, new Caller(null, Sub), CancellationToken.None);

        var unknown = Assert.IsType<AccountFailure.OutcomeUnknown>(result.Failure);
        Assert.Equal(CognitoErrors.RetryAfter, unknown.RetryAfter);
        Assert.Equal(1, _harness.Cognito.CountOf("DeleteUser"));
        var audit = Assert.Single(_harness.Logs.AuditEvents());
        Assert.Equal(("AccountDeleteFailed", "outcome_unknown", Sub), (audit.Id.Name, audit.Property("Outcome"), audit.Property("Sub")));
    }

    public void Dispose() => _harness.Dispose();

    private static AuthFlowResponse Tokens() => new()
    {
        AuthenticationResult = new AuthenticationResultType { AccessToken = "a.b.c", IdToken = "d.e.f", RefreshToken = "refresh" },
    };
}
