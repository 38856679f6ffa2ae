using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>
/// The built-in model's test app, its middleware trusting cognito-local's pool and asking Cognito about revocation
/// through the fault proxy in front of cognito-local (CognitoAuth__TrustedPools__0__ServiceUrl).
/// </summary>
public sealed class RevocationCheckAppFixture : FunctionAppFixture
{
    private CognitoFaultProxy? _proxy;

    public CognitoFaultProxy Proxy => _proxy ?? throw new InvalidOperationException("The fixture is not initialised.");

    protected override string AppProject => "tests/TestFunctionApp";

    protected override bool UsesCognito => true;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        _proxy = await CognitoFaultProxy.StartAsync(Cognito.Server.Endpoint);
        foreach (var (name, value) in Cognito.Pool.TrustedPoolSettingsOverHttp())
        {
            settings[name] = value;
        }

        settings["TestApp__CognitoMiddleware"] = "on";
        settings["CognitoAuth__TrustedPools__0__ServiceUrl"] = _proxy.Address.ToString();
        settings["CognitoAuth__RevocationCheckTimeout"] = "00:00:01";
    }
}

/// <summary>
/// <c>[RequireCognitoToken(CheckRevocation = true)]</c> end to end: real worker, test host, tokens cognito-local issued,
/// and its <c>GetUser</c> behind the fault proxy. cognito-local's <c>GetUser</c> only decodes the token (it never says
/// revoked) and it has no <c>GlobalSignOut</c>: the sign-out answer is the proxy's, in the API reference's shape.
/// </summary>
public sealed class RevocationCheckEndToEndTests(RevocationCheckAppFixture fixture, ITestOutputHelper output)
    : HostedTest(fixture, output), IClassFixture<RevocationCheckAppFixture>
{
    private const string Route = "/api/revocation-checked";
    private const string Password = "Revocation-Check-1!";

    private new RevocationCheckAppFixture Fixture { get; } = fixture;

    [Fact]
    public async Task An_access_token_cognito_local_accepts_reaches_the_function_and_is_not_asked_about_again_within_the_interval()
    {
        var tokens = await LogInNewUserAsync();
        var access = tokens["AccessToken"]!.GetValue<string>();

        using var first = await GetAsync(access);
        using var signedOut = Fixture.Proxy.Fail("GetUser", CognitoAnswer.Error("NotAuthorizedException", "Access Token has been revoked"), Carries(access));
        using var second = await GetAsync(access);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var call = Assert.Single(Fixture.Proxy.Requests, r => r.Operation == "GetUser" && Carries(access)(r.Body));
        Assert.False(call.IsSigned);
        Assert.Equal("application/x-amz-json-1.1", call.ContentType);
    }

    [Fact]
    public async Task After_a_global_sign_out_the_token_gets_401_invalid_token_saying_it_was_revoked_a_gap_of_cognito_local()
    {
        var access = (await LogInNewUserAsync())["AccessToken"]!.GetValue<string>();
        using var signedOut = Fixture.Proxy.Fail("GetUser", CognitoAnswer.Error("NotAuthorizedException", "Access Token has been revoked"), Carries(access));

        using var response = await GetAsync(access);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("/problems/invalid-token", problem["type"]!.GetValue<string>());
        Assert.Equal("The token has been revoked: the user signed out, or the account was disabled. Log in again.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_users_token_gets_401_from_cognito_locals_own_answer()
    {
        var email = NewEmail();
        await Fixture.Cognito.CreateUserAsync(email, Password);
        var access = (await Fixture.Cognito.LogInAsync(email, Password))["AccessToken"]!.GetValue<string>();
        await Fixture.Cognito.Api.CallAsync("AdminDeleteUser", new JsonObject { ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId, ["Username"] = email });

        using var response = await GetAsync(access);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Unanswered => ["throttled", "internal error", "dropped", "hangs"];

    [Theory]
    [MemberData(nameof(Unanswered))]
    public async Task When_Cognito_cannot_answer_the_request_gets_503_with_Retry_After_and_no_challenge(string fault)
    {
        var access = (await LogInNewUserAsync())["AccessToken"]!.GetValue<string>();
        using var failing = Fixture.Proxy.Fail("GetUser", fault switch
        {
            "throttled" => CognitoAnswer.Throttled(),
            "internal error" => CognitoAnswer.Error("InternalErrorException", "injected", 500),
            "dropped" => CognitoAnswer.Dropped,
            _ => CognitoAnswer.Hanging,
        }, Carries(access));

        using var response = await GetAsync(access);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Empty(response.Headers.WwwAuthenticate);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("/problems/authentication-unavailable", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_ID_token_gets_403_and_Cognito_is_not_asked()
    {
        var id = (await LogInNewUserAsync())["IdToken"]!.GetValue<string>();

        using var response = await GetAsync(id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.Proxy.Requests, r => r.Operation == "GetUser" && r.RawBody.Length > 0 && Carries(id)(r.Body));
    }

    private static Func<JsonObject, bool> Carries(string token) =>
        body => body["AccessToken"]?.GetValue<string>() == token;

    private static string NewEmail() => $"revocation-{Guid.NewGuid():N}@example.com";

    private async Task<JsonObject> LogInNewUserAsync()
    {
        var email = NewEmail();
        await Fixture.Cognito.CreateUserAsync(email, Password);
        return await Fixture.Cognito.LogInAsync(email, Password);
    }

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }
}
