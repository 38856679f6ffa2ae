using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;
using static CognitoFunctions.FunctionalTests.Reliability.ReliabilityAssertions;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Every account operation when cognito-local carries out one Cognito call and its answer is then lost (held until
/// the attempt times out, the connection closed, or replaced by HTTP 500): the answer is the true outcome, or
/// <c>/problems/outcome-unknown</c> (504) for a change that is not safe to send twice, never a definite failure
/// that the retry's meeting with the new state would make false.
/// </summary>
public sealed class LostAnswerTests(ShortTimeoutFaultAppFixture fixture, ITestOutputHelper output)
    : FaultProxyTest(fixture, output), IClassFixture<ShortTimeoutFaultAppFixture>
{
    private const string NewPassword = "Brand-New-Passw0rd";

    public static TheoryData<FaultKind> LostAnswers => [FaultKind.HangAfterWork, FaultKind.DropAfterWork, FaultKind.ServerErrorAfterWork];

    // Safe to repeat: the client sends the call again and answers the true outcome.

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Sign_up_whose_create_answer_is_lost_creates_the_account(FaultKind kind)
    {
        var email = AccountClient.NewEmail("lost-create");
        using var fault = FailFirst("AdminCreateUser", kind, body => Username(body) == email);

        using (var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }

        await AssertLogsInAsync(email, AccountClient.Password);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Sign_up_whose_password_answer_is_lost_is_rolled_back_and_answered_retry_later(FaultKind kind)
    {
        var email = AccountClient.NewEmail("lost-password");
        using var fault = FailFirst("AdminSetUserPassword", kind, body => Username(body) == email);

        using (var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
            await AssertRetryLaterAsync(signUp, Unavailable.Status, Unavailable.Type);
        }

        Assert.Equal(1, Calls("AdminSetUserPassword", body => Username(body) == email));
        await AssertNoUserAsync(Fixture.Cognito, email);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Login_whose_answer_is_lost_logs_in(FaultKind kind)
    {
        var email = AccountClient.NewEmail("lost-login");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        using var fault = FailFirst("AdminInitiateAuth", kind, body => body["AuthParameters"]?["USERNAME"]?.GetValue<string>() == email);

        await AssertLogsInAsync(email, AccountClient.Password);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Refresh_whose_answer_is_lost_refreshes(FaultKind kind)
    {
        var user = await Client.SignedInUserAsync(AccountClient.NewEmail("lost-refresh"));
        var refreshToken = user["refreshToken"]!.GetValue<string>();
        using var fault = FailFirst("AdminInitiateAuth", kind, body => body["AuthParameters"]?["REFRESH_TOKEN"]?.GetValue<string>() == refreshToken);

        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refresh.JsonAsync())["accessToken"]?.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Listing_users_whose_answer_is_lost_lists_them(FaultKind kind)
    {
        const int Limit = 7;
        var admin = await Client.AdminAccessTokenAsync(Fixture.Cognito);
        var before = Calls("ListUsers", body => body["Limit"]?.GetValue<int>() == Limit);
        using var fault = FailFirst("ListUsers", kind, body => body["Limit"]?.GetValue<int>() == Limit);

        using var list = await Client.GetAsync($"/api/users?limit={Limit}", admin);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEmpty((await list.JsonAsync())["users"]!.AsArray());
        Assert.Equal(before + 2, Calls("ListUsers", body => body["Limit"]?.GetValue<int>() == Limit));
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Logout_whose_global_sign_out_answer_is_lost_logs_out(FaultKind kind)
    {
        var user = await Client.SignedInUserAsync(AccountClient.NewEmail("lost-signout"));
        var username = user["username"]!.GetValue<string>();
        // cognito-local lacks AdminUserGlobalSignOut: the proxy loses the first answer and answers the retry as Cognito does.
        var calls = 0;
        using var fault = Proxy.Fail("AdminUserGlobalSignOut", body => Username(body) != username ? null
            : Interlocked.Increment(ref calls) == 1 ? kind.ToFault() with { AfterForwarding = false } : CognitoAnswer.Ok([]));

        using var logout = await Client.PostRawAsync("/api/user/logout", "", null, user["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(2, calls);
    }

    // Not safe to repeat: sent once, answered "outcome unknown", and the change did happen.

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Password_change_whose_answer_is_lost_is_outcome_unknown_and_the_password_did_change(FaultKind kind)
    {
        var user = await Client.SignedInUserAsync(AccountClient.NewEmail("lost-change"));
        var access = user["accessToken"]!.GetValue<string>();
        using var fault = FailFirst("ChangePassword", kind, body => body["AccessToken"]?.GetValue<string>() == access);

        using (var change = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = AccountClient.Password, newPassword = NewPassword }, access))
        {
            await AssertOutcomeUnknownAsync(change);
        }

        Assert.Equal(1, Calls("ChangePassword", body => body["AccessToken"]?.GetValue<string>() == access));
        await AssertLogsInAsync(user["email"]!.GetValue<string>(), NewPassword);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Reset_confirmation_whose_answer_is_lost_is_outcome_unknown_and_the_password_did_change(FaultKind kind)
    {
        var email = AccountClient.NewEmail("lost-confirm");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        using (var forgot = await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        using var fault = FailFirst("ConfirmForgotPassword", kind, body => Username(body) == email);

        using (var confirm = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = NewPassword }))
        {
            await AssertOutcomeUnknownAsync(confirm);
        }

        Assert.Equal(1, Calls("ConfirmForgotPassword", body => Username(body) == email));
        await AssertLogsInAsync(email, NewPassword);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Forgot_password_whose_answer_is_lost_is_outcome_unknown_and_the_code_was_issued(FaultKind kind)
    {
        var email = AccountClient.NewEmail("lost-forgot");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        using var fault = FailFirst("ForgotPassword", kind, body => Username(body) == email);

        using (var forgot = await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        {
            await AssertOutcomeUnknownAsync(forgot);
        }

        Assert.Equal(1, Calls("ForgotPassword", body => Username(body) == email));
        using var confirm = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Logout_whose_revocation_answer_is_lost_is_outcome_unknown_and_the_token_was_revoked(FaultKind kind)
    {
        var user = await Client.SignedInUserAsync(AccountClient.NewEmail("lost-revoke"));
        var refreshToken = user["refreshToken"]!.GetValue<string>();
        using var fault = FailFirst("RevokeToken", kind, body => body["Token"]?.GetValue<string>() == refreshToken);

        using (var logout = await Client.PostJsonAsync("/api/user/logout", new { refreshToken }, user["accessToken"]!.GetValue<string>()))
        {
            await AssertOutcomeUnknownAsync(logout);
        }

        Assert.Equal(1, Calls("RevokeToken", body => body["Token"]?.GetValue<string>() == refreshToken));
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-refresh-token");
    }

    [Theory]
    [MemberData(nameof(LostAnswers))]
    public async Task Account_deletion_whose_answer_is_lost_is_outcome_unknown_and_the_account_is_gone(FaultKind kind)
    {
        var user = await Client.SignedInUserAsync(AccountClient.NewEmail("lost-delete"));
        var access = user["accessToken"]!.GetValue<string>();
        using var fault = FailFirst("DeleteUser", kind, body => body["AccessToken"]?.GetValue<string>() == access);

        using (var delete = await Client.PostJsonAsync("/api/user/delete", new { currentPassword = AccountClient.Password }, access))
        {
            await AssertOutcomeUnknownAsync(delete);
        }

        Assert.Equal(1, Calls("DeleteUser", body => body["AccessToken"]?.GetValue<string>() == access));
        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        await login.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
    }

    private static async Task AssertOutcomeUnknownAsync(HttpResponseMessage response)
    {
        await AssertRetryLaterAsync(response, OutcomeUnknown.Status, OutcomeUnknown.Type);
        var problem = await response.JsonAsync();
        Assert.Contains("may have", problem["detail"]!.GetValue<string>() + problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task AssertLogsInAsync(string email, string password)
    {
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
