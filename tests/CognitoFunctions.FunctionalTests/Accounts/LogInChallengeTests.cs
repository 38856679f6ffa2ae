using System.Net;
using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// Logins that meet a challenge, completed end to end through the test host against cognito-local, with the login flow
/// the sample configures for it (the public flow: cognito-local's InitiateAuth sets SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE
/// and NEW_PASSWORD_REQUIRED and its RespondToAuthChallenge answers them; its admin flow never challenges).
/// The admin flow, and what cognito-local cannot show (an expired session, EMAIL_OTP, SMS_MFA, MFA_SETUP), are in
/// <see cref="LogInChallengeFaultTests"/>.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class LogInChallengeTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string NewPassword = "Brand-New-Passw0rd!";

    [Fact]
    public async Task A_user_with_an_authenticator_app_logs_in_with_its_code()
    {
        var (email, secret) = await UserWithAuthenticatorAsync();

        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        var challenge = await login.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-required");
        Assert.Equal("no-store", login.Headers.CacheControl?.ToString());
        Assert.Equal("SOFTWARE_TOKEN_MFA", challenge["challengeName"]!.GetValue<string>());
        Assert.Equal(["code"], challenge["respondWith"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.DoesNotContain(secret, challenge.ToJsonString(), StringComparison.Ordinal);

        using var answer = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(challenge), code = TotpCodes.Current(secret) });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        var tokens = await answer.JsonAsync();
        using var me = await Client.GetAsync("/api/user/me", tokens["idToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await me.JsonAsync())["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_code_is_invalid_code_not_an_expired_session()
    {
        var (email, secret) = await UserWithAuthenticatorAsync();
        var challenge = await ChallengeAsync(email, AccountClient.Password);

        using var answer = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(challenge), code = TotpCodes.Wrong(secret) });

        await answer.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
    }

    [Fact]
    public async Task A_wrong_password_of_a_user_with_MFA_is_the_same_401_as_an_unknown_email_and_sets_no_challenge()
    {
        var (email, _) = await UserWithAuthenticatorAsync();

        using var wrong = await Client.PostJsonAsync("/api/user/login", new { email, password = "Wrong-Horse-9" });
        using var unknown = await Client.PostJsonAsync("/api/user/login", new { email = AccountClient.NewEmail("nobody"), password = "Wrong-Horse-9" });

        var first = await wrong.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
        var second = await unknown.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
        Assert.Equal(first["detail"]!.GetValue<string>(), second["detail"]!.GetValue<string>());
        Assert.Null(first["session"]);
    }

    [Fact]
    public async Task A_user_with_two_factors_chooses_one_then_answers_its_code()
    {
        var (email, secret) = await UserWithAuthenticatorAsync(alsoSms: true);
        var select = await ChallengeAsync(email, AccountClient.Password);
        Assert.Equal("SELECT_MFA_TYPE", select["challengeName"]!.GetValue<string>());
        Assert.Equal(["factor"], select["respondWith"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["SMS_MFA", "SOFTWARE_TOKEN_MFA"], select["factors"]!.AsArray().Select(f => f!.GetValue<string>()).Order());

        using var unknownFactor = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(select), factor = "PUSH" });
        using var chosen = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(select), factor = "SOFTWARE_TOKEN_MFA" });

        Assert.NotNull((await unknownFactor.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation"))["errors"]!["factor"]);
        var code = await chosen.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-required");
        Assert.Equal("SOFTWARE_TOKEN_MFA", code["challengeName"]!.GetValue<string>());
        using var answer = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(code), code = TotpCodes.Current(secret) });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_user_an_administrator_created_sets_a_password_that_meets_the_policy_then_logs_in_with_it()
    {
        var email = AccountClient.NewEmail("invited");
        await Fixture.Cognito.Api.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId,
            ["Username"] = email,
            ["TemporaryPassword"] = "Temporary-Passw0rd",
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = email }, new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        });

        var challenge = await ChallengeAsync(email, "Temporary-Passw0rd");
        Assert.Equal("NEW_PASSWORD_REQUIRED", challenge["challengeName"]!.GetValue<string>());
        Assert.Equal(["newPassword"], challenge["respondWith"]!.AsArray().Select(f => f!.GetValue<string>()));

        using var weak = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(challenge), newPassword = "short" });
        using var missing = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(challenge), code = "123456" });
        using var set = await Client.PostJsonAsync("/api/user/login/challenge", new { session = Session(challenge), newPassword = NewPassword });
        using var again = await Client.PostJsonAsync("/api/user/login", new { email, password = NewPassword });

        // The pool's policy, checked as at sign-up: every unmet rule is reported, and Cognito never sees the password.
        var policy = await weak.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.True(policy["errors"]!["newPassword"]!.AsArray().Count > 1);
        Assert.NotNull((await missing.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation"))["errors"]!["newPassword"]);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData("not-a-session")]
    [InlineData("ls1.")]
    [InlineData("ls1.!!!")]
    [InlineData("ls1.U09GVFdBUkVfVE9LRU5fTUZB")] // a challenge name alone
    [InlineData("ls1.Q1VTVE9NX0NIQUxMRU5HRQp1c2VyCnNlc3Npb24")] // CUSTOM_CHALLENGE, which this API never hands out
    public async Task A_session_this_API_did_not_make_is_401_login_session_expired(string session)
    {
        using var answer = await Client.PostJsonAsync("/api/user/login/challenge", new { session, code = "123456" });

        await answer.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/login-session-expired");
    }

    [Theory]
    [InlineData("""{"code":"123456"}""", "session")]
    [InlineData("""{"session":"ls1.x","code":"12ab56"}""", "code")]
    [InlineData("""{"session":"ls1.x","code":"12345"}""", "code")]
    [InlineData("""{"session":"ls1.x","code":"123456789"}""", "code")]
    public async Task A_malformed_answer_is_a_field_error(string body, string field)
    {
        using var answer = await Client.PostRawAsync("/api/user/login/challenge", body, "application/json");

        Assert.NotNull((await answer.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation"))["errors"]![field]);
    }

    private async Task<JsonObject> ChallengeAsync(string email, string password)
    {
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password });
        return await login.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-required");
    }

    private static string Session(JsonObject challenge) => challenge["session"]!.GetValue<string>();

    /// <summary>A new user with an authenticator app on and preferred (through the API), and with SMS on too when asked.</summary>
    private async Task<(string Email, string Secret)> UserWithAuthenticatorAsync(bool alsoSms = false)
    {
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();
        using var enrol = await Client.PostRawAsync("/api/user/mfa/totp/enrol", "", null, access);
        var secret = (await enrol.JsonAsync())["secretCode"]!.GetValue<string>();
        using var verify = await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code = TotpCodes.Current(secret) }, access);
        using var prefer = await Client.PostRawAsync("/api/user/mfa/totp/preferred", "", null, access);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (verify.StatusCode, prefer.StatusCode));
        if (alsoSms)
        {
            // The API offers no SMS factor (it collects no phone numbers); Cognito's own call turns it on beside the app.
            await Fixture.Cognito.Api.CallAsync("SetUserMFAPreference", new JsonObject
            {
                ["AccessToken"] = access,
                ["SMSMfaSettings"] = new JsonObject { ["Enabled"] = true, ["PreferredMfa"] = false },
            });
        }

        return (user["email"]!.GetValue<string>(), secret);
    }
}
