using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;
using static CognitoFunctions.FunctionalTests.Reliability.ReliabilityAssertions;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Cognito (or something in its place) answers, but not in a shape the app can read: the client gets
/// <c>/problems/upstream-error</c> (502) with a trace id, never a bare 500, and the worker log names the cause once.
/// No answer at all stays <c>/problems/service-unavailable</c> (CognitoFaultTests).
/// </summary>
public sealed class UnreadableAnswerTests(FaultInjectedAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<FaultInjectedAppFixture>
{
    private const string Unreadable = "not-a-jws";

    private static readonly string ValidPayload = """{"sub":"7d1c0e52","username":"7d1c0e52","iat":1700000000,"exp":1700003600,"token_use":"access"}""";

    private CognitoFaultProxy Proxy => ((FaultInjectedAppFixture)Fixture).Proxy;

    public static TheoryData<string, string, string> UnreadableResults => new()
    {
        // case, the AuthenticationResult Cognito's answer carries, what the worker log says
        { "tokens that are not JWS", Result(Unreadable, Unreadable), "tokens this app cannot read: Cognito returned an ID token that is not a JWS" },
        { "an access token that is not JWS", Result(Jws(ValidPayload), Unreadable), "tokens this app cannot read: Cognito returned an access token that is not a JWS" },
        { "iat as a string", Result(Jws(ValidPayload), Jws(ValidPayload.Replace("\"iat\":1700000000", "\"iat\":\"1700000000\"", StringComparison.Ordinal))), "access token whose iat is not a whole number" },
        { "a payload that is not JSON", Result(Jws(ValidPayload), Jws("{\"username\":")), "access token whose payload is not JSON" },
        { "ExpiresIn as a string", Result(Jws(ValidPayload), Jws(ValidPayload), expiresIn: "3600"), "could not be read: the body is not a AuthFlowResponse" },
    };

    [Theory]
    [MemberData(nameof(UnreadableResults))]
    public async Task A_login_answered_with_an_unreadable_AuthenticationResult_is_upstream_error_with_one_log_line_naming_the_cause(string unreadable, string result, string logged)
    {
        var email = AccountClient.NewEmail("unreadable");
        using var capture = Fixture.Log.Capture();
        // The worker's log line travels apart from the answer: wait for it rather than read the capture at once.
        var line = Fixture.Log.WaitForLineAsync(l => l.Contains(logged, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        using (Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Ok(JsonNode.Parse(result)!.AsObject()), body => body["AuthParameters"]?["USERNAME"]?.GetValue<string>() == email))
        {
            using var response = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });

            await AssertUpstreamErrorAsync(response, unreadable);
        }

        await line;

        Assert.Single(capture.Lines, l => l.Contains(logged, StringComparison.Ordinal));
        Assert.Single(capture.Lines, l => l.StartsWith("[worker Error]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_answered_with_unreadable_tokens_is_upstream_error()
    {
        var refreshToken = "refresh-" + Guid.NewGuid().ToString("N");
        using var fault = Proxy.Fail(
            "AdminInitiateAuth",
            CognitoAnswer.Ok(JsonNode.Parse(Result(Jws(ValidPayload), Jws("[]")))!.AsObject()),
            body => body["AuthParameters"]?["REFRESH_TOKEN"]?.GetValue<string>() == refreshToken);

        using var response = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });

        await AssertUpstreamErrorAsync(response, "an access token payload that is a JSON array");
    }

    [Fact]
    public async Task A_signup_whose_AdminCreateUser_answer_cannot_be_read_is_upstream_error_and_leaves_no_user()
    {
        // Cognito created the user, then its answer arrived in a shape the client cannot read: left without a
        // password, that user would hold the email for good.
        var email = AccountClient.NewEmail("unreadable-create");
        using var fault = Proxy.Fail(
            "AdminCreateUser",
            CognitoAnswer.Ok(new JsonObject { ["User"] = "not-an-object" }) with { AfterForwarding = true },
            body => body["Username"]?.GetValue<string>() == email);

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });

        await AssertUpstreamErrorAsync(response, "an unreadable AdminCreateUser answer");
        await AssertNoUserAsync(Fixture.Cognito, email);
    }

    private static async Task AssertUpstreamErrorAsync(HttpResponseMessage response, string unreadable)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadGateway, $"{unreadable}: {(int)response.StatusCode} {text}");
        // With its trace id, and nothing of the exception (ProblemAsync checks both).
        await response.ProblemAsync(HttpStatusCode.BadGateway, "/problems/upstream-error");
        Assert.DoesNotContain(Unreadable, text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
    }

    private static string Result(string idToken, string accessToken, string? expiresIn = null) => new JsonObject
    {
        ["AuthenticationResult"] = new JsonObject
        {
            ["IdToken"] = idToken,
            ["AccessToken"] = accessToken,
            ["RefreshToken"] = "opaque-refresh-token",
            ["ExpiresIn"] = expiresIn is null ? 3600 : JsonValue.Create(expiresIn),
            ["TokenType"] = "Bearer",
        },
    }.ToJsonString();

    private static string Jws(string payload) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.c2lnbmF0dXJl";
}
