using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// Login challenges over the admin flow (the default: AdminInitiateAuth, AdminRespondToAuthChallenge), and what
/// cognito-local cannot show: its AdminInitiateAuth never sets a challenge, it has no AdminRespondToAuthChallenge,
/// accepts any session, sends no EMAIL_OTP, sends SMS_MFA only to users with legacy MFAOptions (which none of its
/// calls sets), never sets MFA_SETUP and takes no session in AssociateSoftwareToken or VerifySoftwareToken. The proxy
/// answers those calls with the shapes of Cognito's API reference; every other call (sign-up, the user lookups) goes to
/// cognito-local, and the tokens handed out are real ones of its.
/// </summary>
public sealed class LogInChallengeFaultTests(FaultInjectedAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<FaultInjectedAppFixture>
{
    private CognitoFaultProxy Proxy => ((FaultInjectedAppFixture)Fixture).Proxy;

    [Fact]
    public async Task The_admin_flow_sends_the_code_with_Cognitos_session_the_Cognito_username_and_the_clients_context()
    {
        var user = await Client.SignedInUserAsync();
        var sub = user["username"]!.GetValue<string>();
        using var start = Proxy.Fail("AdminInitiateAuth", Challenge("SOFTWARE_TOKEN_MFA", "cognito-session-1", sub), When(user));
        using var finish = Proxy.Fail("AdminRespondToAuthChallenge", Tokens(user));

        var challenge = await ChallengeAsync(user);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/user/login/challenge") { Content = new StringContent(JsonSerializer.Serialize(new { session = Session(challenge), code = "123456" }), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var answer = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(user["accessToken"]!.GetValue<string>(), (await answer.JsonAsync())["accessToken"]!.GetValue<string>());
        var sent = Proxy.Requests.Last(r => r.Operation == "AdminRespondToAuthChallenge").Body;
        Assert.Equal("SOFTWARE_TOKEN_MFA", sent["ChallengeName"]!.GetValue<string>());
        Assert.Equal("cognito-session-1", sent["Session"]!.GetValue<string>());
        Assert.Equal(sub, sent["ChallengeResponses"]!["USERNAME"]!.GetValue<string>());
        Assert.Equal("123456", sent["ChallengeResponses"]!["SOFTWARE_TOKEN_MFA_CODE"]!.GetValue<string>());
        Assert.Equal(Fixture.Cognito.Pool.UserPoolId, sent["UserPoolId"]!.GetValue<string>());
        Assert.Equal(("203.0.113.9", "/api/user/login/challenge"), (sent["ContextData"]!["IpAddress"]!.GetValue<string>(), sent["ContextData"]!["ServerPath"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("NotAuthorizedException", "Invalid session for the user, session is expired.", HttpStatusCode.Unauthorized, "/problems/login-session-expired")]
    [InlineData("NotAuthorizedException", "Invalid session for the user, session can only be used once.", HttpStatusCode.Unauthorized, "/problems/login-session-expired")]
    [InlineData("CodeMismatchException", "Invalid code received for user", HttpStatusCode.BadRequest, "/problems/invalid-code")]
    public async Task An_expired_or_spent_session_and_a_wrong_code_are_distinct_problems(string error, string message, HttpStatusCode status, string type)
    {
        var user = await Client.SignedInUserAsync();
        using var start = Proxy.Fail("AdminInitiateAuth", Challenge("SOFTWARE_TOKEN_MFA", "cognito-session-2", user["username"]!.GetValue<string>()), When(user));
        using var finish = Proxy.Fail("AdminRespondToAuthChallenge", CognitoAnswer.Error(error, message));

        var challenge = await ChallengeAsync(user);
        using var answer = await PostAnswerAsync(new { session = Session(challenge), code = "123456" });

        await answer.ProblemAsync(status, type);
    }

    [Theory]
    [InlineData("SMS_MFA", "SMS", "+*******0123", "123456", "SMS_MFA_CODE")]
    [InlineData("EMAIL_OTP", "EMAIL", "u***@e***", "12345678", "EMAIL_OTP_CODE")]
    public async Task A_code_sent_by_Cognito_is_answered_and_the_client_is_told_where_it_went(string name, string medium, string destination, string code, string key)
    {
        var user = await Client.SignedInUserAsync();
        var parameters = new JsonObject
        {
            ["USER_ID_FOR_SRP"] = user["username"]!.GetValue<string>(),
            ["CODE_DELIVERY_DELIVERY_MEDIUM"] = medium,
            ["CODE_DELIVERY_DESTINATION"] = destination,
        };
        using var start = Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Ok(new JsonObject { ["ChallengeName"] = name, ["Session"] = "s", ["ChallengeParameters"] = parameters }), When(user));
        using var finish = Proxy.Fail("AdminRespondToAuthChallenge", Tokens(user));

        var challenge = await ChallengeAsync(user);
        using var answer = await PostAnswerAsync(new { session = Session(challenge), code });

        Assert.Equal((name, medium, destination), (challenge["challengeName"]!.GetValue<string>(), challenge["deliveryMedium"]!.GetValue<string>(), challenge["destination"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(code, Proxy.Requests.Last(r => r.Operation == "AdminRespondToAuthChallenge").Body["ChallengeResponses"]![key]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pool_that_requires_MFA_sets_up_an_authenticator_app_inside_the_login()
    {
        var user = await Client.SignedInUserAsync();
        var sub = user["username"]!.GetValue<string>();
        var setUp = new JsonObject { ["USER_ID_FOR_SRP"] = sub, ["MFAS_CAN_SETUP"] = "[\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]" };
        using var start = Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Ok(new JsonObject { ["ChallengeName"] = "MFA_SETUP", ["Session"] = "s1", ["ChallengeParameters"] = setUp }), When(user));
        using var associate = Proxy.Fail("AssociateSoftwareToken", CognitoAnswer.Ok(new JsonObject { ["SecretCode"] = "JBSWY3DPEHPK3PXP", ["Session"] = "s2" }));
        using var verify = Proxy.Fail("VerifySoftwareToken", CognitoAnswer.Ok(new JsonObject { ["Status"] = "SUCCESS", ["Session"] = "s3" }));
        using var finish = Proxy.Fail("AdminRespondToAuthChallenge", Tokens(user));

        var challenge = await ChallengeAsync(user);
        using var answer = await PostAnswerAsync(new { session = Session(challenge), code = TotpCodes.Current("JBSWY3DPEHPK3PXP") });

        Assert.Equal("MFA_SETUP", challenge["challengeName"]!.GetValue<string>());
        Assert.Equal("JBSWY3DPEHPK3PXP", challenge["secretCode"]!.GetValue<string>());
        Assert.Contains(Uri.EscapeDataString(user["email"]!.GetValue<string>()), challenge["otpAuthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("s1", Proxy.Requests.Last(r => r.Operation == "AssociateSoftwareToken").Body["Session"]!.GetValue<string>());
        Assert.Equal("s2", Proxy.Requests.Last(r => r.Operation == "VerifySoftwareToken").Body["Session"]!.GetValue<string>());
        var sent = Proxy.Requests.Last(r => r.Operation == "AdminRespondToAuthChallenge").Body;
        Assert.Equal(("MFA_SETUP", "s3"), (sent["ChallengeName"]!.GetValue<string>(), sent["Session"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_first_code_of_the_set_up_is_invalid_code_and_nothing_is_answered_to_Cognito()
    {
        var user = await Client.SignedInUserAsync();
        using var start = Proxy.Fail("AdminInitiateAuth", Challenge("MFA_SETUP", "s1", user["username"]!.GetValue<string>()), When(user));
        using var associate = Proxy.Fail("AssociateSoftwareToken", CognitoAnswer.Ok(new JsonObject { ["SecretCode"] = "JBSWY3DPEHPK3PXP", ["Session"] = "s2" }));
        using var verify = Proxy.Fail("VerifySoftwareToken", CognitoAnswer.Error("EnableSoftwareTokenMFAException", "Code mismatch"));
        var responds = Proxy.Requests.Count(r => r.Operation == "AdminRespondToAuthChallenge");

        var challenge = await ChallengeAsync(user);
        using var answer = await PostAnswerAsync(new { session = Session(challenge), code = "000000" });

        await answer.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
        Assert.Equal(responds, Proxy.Requests.Count(r => r.Operation == "AdminRespondToAuthChallenge"));
    }

    [Theory]
    [InlineData("CUSTOM_CHALLENGE", null)]
    [InlineData("DEVICE_SRP_AUTH", null)]
    [InlineData("MFA_SETUP", "[\"EMAIL_OTP\"]")]
    public async Task A_challenge_this_API_does_not_complete_is_named_without_a_session(string name, string? canSetUp)
    {
        var user = await Client.SignedInUserAsync();
        var parameters = new JsonObject { ["USER_ID_FOR_SRP"] = user["username"]!.GetValue<string>() };
        if (canSetUp is not null)
        {
            parameters["MFAS_CAN_SETUP"] = canSetUp;
        }

        using var start = Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Ok(new JsonObject { ["ChallengeName"] = name, ["Session"] = "s", ["ChallengeParameters"] = parameters }), When(user));

        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });

        var problem = await login.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-unsupported");
        Assert.Equal(name, problem["challengeName"]!.GetValue<string>());
        Assert.Null(problem["session"]);
    }

    [Fact]
    public async Task A_password_reset_required_by_an_administrator_points_to_the_reset()
    {
        var user = await Client.SignedInUserAsync();
        using var start = Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Error("PasswordResetRequiredException", "Password reset required for the user"), When(user));

        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });

        var problem = await login.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-unsupported");
        Assert.Equal("PASSWORD_RESET_REQUIRED", problem["challengeName"]!.GetValue<string>());
        Assert.Contains("/api/user/password/forgot", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_answer_to_the_challenge_is_an_unknown_outcome_and_is_not_sent_again()
    {
        var user = await Client.SignedInUserAsync();
        using var start = Proxy.Fail("AdminInitiateAuth", Challenge("NEW_PASSWORD_REQUIRED", "s", user["username"]!.GetValue<string>()), When(user));
        using var finish = Proxy.Fail("AdminRespondToAuthChallenge", CognitoAnswer.Error("InternalErrorException", "injected", status: 500));
        var before = Proxy.Requests.Count(r => r.Operation == "AdminRespondToAuthChallenge");

        var challenge = await ChallengeAsync(user);
        using var answer = await PostAnswerAsync(new { session = Session(challenge), newPassword = "Brand-New-Passw0rd!" });

        await answer.ProblemAsync(HttpStatusCode.GatewayTimeout, "/problems/outcome-unknown");
        Assert.Equal(before + 1, Proxy.Requests.Count(r => r.Operation == "AdminRespondToAuthChallenge"));
    }

    private static Func<JsonObject, bool> When(JsonObject user) =>
        body => body["AuthParameters"]?["USERNAME"]?.GetValue<string>() == user["email"]!.GetValue<string>();

    private static CognitoAnswer Challenge(string name, string session, string sub) => CognitoAnswer.Ok(new JsonObject
    {
        ["ChallengeName"] = name,
        ["Session"] = session,
        ["ChallengeParameters"] = new JsonObject { ["USER_ID_FOR_SRP"] = sub },
    });

    private static CognitoAnswer Tokens(JsonObject user) => CognitoAnswer.Ok(new JsonObject
    {
        ["ChallengeParameters"] = new JsonObject(),
        ["AuthenticationResult"] = new JsonObject
        {
            ["IdToken"] = user["idToken"]!.GetValue<string>(),
            ["AccessToken"] = user["accessToken"]!.GetValue<string>(),
            ["RefreshToken"] = user["refreshToken"]!.GetValue<string>(),
            ["ExpiresIn"] = 3600,
            ["TokenType"] = "Bearer",
        },
    });

    private async Task<JsonObject> ChallengeAsync(JsonObject user)
    {
        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        return await login.ProblemAsync(HttpStatusCode.Forbidden, "/problems/challenge-required");
    }

    private Task<HttpResponseMessage> PostAnswerAsync(object body) => Client.PostJsonAsync("/api/user/login/challenge", body);

    private static string Session(JsonObject challenge) => challenge["session"]!.GetValue<string>();
}
