using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using static CognitoFunctions.FunctionalTests.Reliability.ReliabilityAssertions;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Sign-up and login while Cognito fails, hangs or throttles one step (everything else real, in cognito-local): the
/// API answers 503 or 429 with Retry-After within the configured timeouts, never 500, and leaves no half-created user.
/// </summary>
public sealed class CognitoFaultTests(ShortTimeoutFaultAppFixture fixture, ITestOutputHelper output)
    : FaultProxyTest(fixture, output), IClassFixture<ShortTimeoutFaultAppFixture>
{
    [Theory]
    [InlineData("AdminCreateUser", FaultKind.ServerError)]
    [InlineData("AdminCreateUser", FaultKind.Throttled)]
    [InlineData("AdminCreateUser", FaultKind.Hang)]
    [InlineData("AdminCreateUser", FaultKind.ServerErrorAfterWork)]
    [InlineData("AdminCreateUser", FaultKind.HangAfterWork)]
    [InlineData("AdminSetUserPassword", FaultKind.Hang)]
    [InlineData("AdminSetUserPassword", FaultKind.HangAfterWork)]
    public async Task A_signup_step_that_keeps_failing_answers_retry_later_in_time_and_leaves_no_user(string operation, FaultKind kind)
    {
        var email = AccountClient.NewEmail("fault");
        using var fault = Proxy.Fail(operation, kind.ToFault(), body => Username(body) == email);

        await AssertRetryLaterInTimeAsync(Client, "/api/user/signup", new { email, password = AccountClient.Password }, kind.Expected(), timedOutCalls: 1);

        // AdminCreateUser is resent (the saga recognises its own user); AdminSetUserPassword is not safe to resend
        // once it may have reached Cognito (a hang may come after the work), so the saga rolls back instead.
        var calls = CallsFor(operation, email);
        Assert.True(operation == "AdminSetUserPassword" ? calls == 1 : calls >= 2, $"{operation}: {calls} call(s)");
        await AssertNoUserAsync(Fixture.Cognito, email);
    }

    [Fact]
    public async Task Both_signup_steps_hanging_answers_503_in_time_and_leaves_no_user()
    {
        // The first AdminCreateUser is carried out but its answer lost; the retry meets the user it created (found by
        // the sign-up's nonce); then setting the password hangs, and is not sent again.
        var email = AccountClient.NewEmail("hang-both");
        using var lostCreate = FailFirstCall("AdminCreateUser", FaultKind.HangAfterWork, email);
        using var hungPassword = Proxy.Fail("AdminSetUserPassword", FaultKind.Hang.ToFault(), body => Username(body) == email);

        await AssertRetryLaterInTimeAsync(Client, "/api/user/signup", new { email, password = AccountClient.Password }, Unavailable, timedOutCalls: 2);

        Assert.Equal(1, CallsFor("AdminSetUserPassword", email));
        await AssertNoUserAsync(Fixture.Cognito, email);
    }

    [Fact]
    public async Task A_lost_answer_to_AdminCreateUser_is_recovered_by_the_retry_not_answered_409()
    {
        var email = AccountClient.NewEmail("lost-answer");
        using var fault = FailFirstCall("AdminCreateUser", FaultKind.ServerErrorAfterWork, email);

        using (var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }

        Assert.Equal(2, CallsFor("AdminCreateUser", email));
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.Throttled)]
    [InlineData(FaultKind.Hang)]
    [InlineData(FaultKind.HangAfterWork)]
    public async Task A_login_that_keeps_failing_answers_retry_later_in_time_and_the_account_stays_usable(FaultKind kind)
    {
        var email = AccountClient.NewEmail("login-fault");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);

        using (Proxy.Fail("AdminInitiateAuth", kind.ToFault(), body => body["AuthParameters"]?["USERNAME"]?.GetValue<string>() == email))
        {
            await AssertRetryLaterInTimeAsync(Client, "/api/user/login", new { email, password = AccountClient.Password }, kind.Expected(), timedOutCalls: 1);
        }

        using var afterwards = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    private IDisposable FailFirstCall(string operation, FaultKind kind, string email) => FailFirst(operation, kind, body => Username(body) == email);

    private int CallsFor(string operation, string email) => Calls(operation, body => Username(body) == email);
}
