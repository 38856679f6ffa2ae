using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>The app against cognito-local through a proxy that fails chosen calls: one step of a flow failing, the rest real.</summary>
public class FaultInjectedAppFixture : CognitoFunctionsAppFixture
{
    private CognitoFaultProxy? _proxy;

    public CognitoFaultProxy Proxy => _proxy ?? throw new InvalidOperationException("The fixture is not initialised.");

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        _proxy = await CognitoFaultProxy.StartAsync(Cognito.Server.Endpoint);
        settings["Cognito__ServiceUrl"] = _proxy.Address.ToString();

        // cognito-local lacks AdminUserGlobalSignOut: the proxy answers it as Cognito does, so the call can be seen.
        settings["Accounts__GlobalSignOutOnLogout"] = "true";

        // The production login flow (the sample's public flow is for cognito-local's challenges): the proxy plays Cognito
        // where cognito-local's admin flow cannot (its AdminInitiateAuth sets no challenge; it has no AdminRespondToAuthChallenge).
        settings["Accounts__PasswordAuthFlow"] = "AdminUserPasswordAuth";

        // Keep the failing paths quick: one retry, short backoff.
        settings["Cognito__MaxRetryAttempts"] = "1";
        settings["Cognito__RetryBaseDelay"] = "00:00:00.050";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }
}

public sealed class FaultInjectionTests(FaultInjectedAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<FaultInjectedAppFixture>
{
    private CognitoFaultProxy Proxy => ((FaultInjectedAppFixture)Fixture).Proxy;

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "InvalidPasswordException", HttpStatusCode.BadRequest, "/problems/validation")]
    [InlineData(HttpStatusCode.BadRequest, "TooManyRequestsException", HttpStatusCode.TooManyRequests, "/problems/too-many-requests")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalErrorException", HttpStatusCode.ServiceUnavailable, "/problems/service-unavailable")]
    public async Task When_setting_the_password_fails_the_new_user_is_deleted(HttpStatusCode faultStatus, string faultType, HttpStatusCode expected, string problemType)
    {
        var email = AccountClient.NewEmail("rollback");
        using var fault = Proxy.Fail("AdminSetUserPassword", CognitoAnswer.Error(faultType, status: (int)faultStatus), body => body["Username"]?.GetValue<string>() == email);

        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });

        var problem = await response.ProblemAsync(expected, problemType);
        if (expected is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        }

        Assert.DoesNotContain(faultType, problem.ToJsonString(), StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<CognitoApiException>(() => Fixture.Cognito.Api.CallAsync("AdminGetUser", new JsonObject
        {
            ["UserPoolId"] = Fixture.Cognito.Pool.UserPoolId,
            ["Username"] = email,
        }));
        Assert.Equal("UserNotFoundException", error.ErrorType);
    }

    [Fact]
    public async Task Account_deletion_with_a_token_Cognito_has_revoked_deletes_nothing()
    {
        // cognito-local has no global sign-out and its DeleteUser never checks revocation: the proxy answers as Cognito
        // does for an access token of a session signed out everywhere.
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();
        using (Proxy.Fail("DeleteUser", CognitoAnswer.Error("NotAuthorizedException", "Access Token has been revoked"), body => body["AccessToken"]?.GetValue<string>() == access))
        {
            using var response = await Client.PostJsonAsync("/api/user/delete", new { currentPassword = AccountClient.Password }, access);

            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/incorrect-password");
            Assert.DoesNotContain("revoked", problem.ToJsonString(), StringComparison.Ordinal);
        }

        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Account_deletion_with_a_wrong_password_as_Cognito_refuses_it_deletes_nothing()
    {
        // cognito-local refuses a wrong password with InvalidPasswordException; Cognito with NotAuthorizedException.
        var user = await Client.SignedInUserAsync();
        var username = user["username"]!.GetValue<string>();
        using (Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."),
            body => body["AuthParameters"]?["USERNAME"]?.GetValue<string>() == username))
        {
            using var response = await Client.PostJsonAsync("/api/user/delete", new { currentPassword = "Not-The-Passw0rd" }, user["accessToken"]!.GetValue<string>());

            await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/incorrect-password");
        }

        Assert.DoesNotContain(Proxy.Requests, r => r.Operation == "DeleteUser" && r.Body["AccessToken"]?.GetValue<string>() == user["accessToken"]!.GetValue<string>());
        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Cognitos_answer_to_a_wrong_current_password_is_incorrect_password()
    {
        var user = await Client.SignedInUserAsync();
        using var fault = Proxy.Fail("ChangePassword", CognitoAnswer.Error("NotAuthorizedException", "Incorrect username or password."));

        using var response = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = "Not-The-Passw0rd", newPassword = "Brand-New-Passw0rd" }, user["accessToken"]!.GetValue<string>());

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/incorrect-password");
        Assert.DoesNotContain("Incorrect username", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cognitos_refusal_of_the_proposed_password_is_about_newPassword_not_the_current_one()
    {
        var user = await Client.SignedInUserAsync();
        using var fault = Proxy.Fail("ChangePassword", CognitoAnswer.Error("InvalidPasswordException", "Password does not conform to policy: Password must have symbol characters"));

        using var response = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = AccountClient.Password, newPassword = "Brand-New-Passw0rd" }, user["accessToken"]!.GetValue<string>());

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["newPassword"]);
        Assert.DoesNotContain("symbol", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_signs_the_user_out_of_every_device_where_Cognito_supports_it()
    {
        using var fault = Proxy.Fail("AdminUserGlobalSignOut", CognitoAnswer.Ok([]));
        var user = await Client.SignedInUserAsync();

        using var response = await Client.PostRawAsync("/api/user/logout", "", null, user["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var signOut = Assert.Single(Proxy.Requests, c => c.Operation == "AdminUserGlobalSignOut" && c.Body["Username"]?.GetValue<string>() == user["username"]!.GetValue<string>());
        Assert.Equal(Fixture.Cognito.Pool.UserPoolId, signOut.Body["UserPoolId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_is_503_unhealthy_while_Cognito_is_unreachable_though_the_keys_are_cached()
    {
        var user = await Client.SignedInUserAsync();
        using (var me = await Client.GetAsync("/api/user/me", user["idToken"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var fault = Proxy.Fail("DescribeUserPool", CognitoAnswer.Error("ServiceUnavailable", status: 503));

        using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, text);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store is missing");
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal(("unhealthy", "unavailable"), (body["checks"]!["cognito"]!["status"]!.GetValue<string>(), body["checks"]!["cognito"]!["error"]!.GetValue<string>()));
        Assert.Equal("healthy", body["checks"]!["jwks"]!["status"]!.GetValue<string>());
        Assert.Contains(Proxy.Requests, c => c.Operation == "DescribeUserPool");
        Assert.DoesNotContain("ServiceUnavailable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_passes_the_real_client_to_Cognitos_threat_protection()
    {
        var user = await Client.SignedInUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/user/login")
        {
            Content = JsonContent.Create(new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password }),
        };
        request.Content.Headers.ContentLength = (await request.Content.ReadAsByteArrayAsync()).Length;
        // A client-sent entry first, then the one Azure's front end appends: only the last can be trusted.
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.7, 203.0.113.9:4711");
        request.Headers.TryAddWithoutValidation("User-Agent", "walkthrough-client/1.0");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = Proxy.Requests.Last(c => c.Operation == "AdminInitiateAuth").Body["ContextData"]!;
        Assert.Equal("203.0.113.9", context["IpAddress"]!.GetValue<string>());
        Assert.Equal("/api/user/login", context["ServerPath"]!.GetValue<string>());
        Assert.Contains(context["HttpHeaders"]!.AsArray(), h => h!["headerName"]!.GetValue<string>() == "user-agent" && h["headerValue"]!.GetValue<string>() == "walkthrough-client/1.0");
    }

    [Fact]
    public async Task An_admin_pages_through_users_with_Cognitos_pagination_token()
    {
        // cognito-local's ListUsers returns everyone in one page without a PaginationToken (README, known gaps):
        // the proxy answers with Cognito's shapes. The token holds characters a query string must escape.
        const string NextPage = "AQID+next/page==";
        var admin = await Client.AdminAccessTokenAsync(Fixture.Cognito);

        JsonObject first, last;
        using (Proxy.Fail("ListUsers", CognitoAnswer.Ok(new JsonObject { ["Users"] = new JsonArray(ListedUser("first")), ["PaginationToken"] = NextPage })))
        {
            using var response = await Client.GetAsync("/api/users?limit=1", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            first = await response.JsonAsync();
        }

        var firstCall = Proxy.Requests.Last(c => c.Operation == "ListUsers").Body;
        using (Proxy.Fail("ListUsers", CognitoAnswer.Ok(new JsonObject { ["Users"] = new JsonArray(ListedUser("second")) })))
        {
            using var response = await Client.GetAsync($"/api/users?limit=1&paginationToken={Uri.EscapeDataString(first["paginationToken"]!.GetValue<string>())}", admin);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.JsonAsync();
        }

        var nextCall = Proxy.Requests.Last(c => c.Operation == "ListUsers").Body;
        Assert.Equal("first", Assert.Single(first["users"]!.AsArray())!["username"]!.GetValue<string>());
        Assert.Equal(NextPage, first["paginationToken"]!.GetValue<string>());
        Assert.Equal((1, null), (firstCall["Limit"]!.GetValue<int>(), firstCall["PaginationToken"]?.GetValue<string>()));
        Assert.Equal(NextPage, nextCall["PaginationToken"]!.GetValue<string>());
        Assert.Equal("second", Assert.Single(last["users"]!.AsArray())!["username"]!.GetValue<string>());
        Assert.Null(last["paginationToken"]);
    }

    [Fact]
    public async Task Cognito_unreachable_is_503_with_retry_after_never_500()
    {
        using var fault = Proxy.Fail("AdminInitiateAuth", CognitoAnswer.Error("ServiceUnavailable", status: 503));

        using var response = await Client.PostJsonAsync("/api/user/login", new { email = AccountClient.NewEmail(), password = AccountClient.Password });

        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "/problems/service-unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Each_Cognito_call_is_logged_once_with_its_outcome_and_HttpClient_and_Polly_stay_below_Warning()
    {
        var email = AccountClient.NewEmail("logged");
        await Fixture.Cognito.CreateUserAsync(email, AccountClient.Password);
        using var capture = Fixture.Log.Capture();
        var loginLogged = Fixture.Log.WaitForLineAsync(l => l.Contains("Cognito AdminInitiateAuth: ok after 1 attempt(s) in ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var changeLogged = Fixture.Log.WaitForLineAsync(l => l.Contains("Cognito ChangePassword: outcome unknown (transport) after 1 attempt(s) in ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        var access = (await login.JsonAsync())["accessToken"]!.GetValue<string>();
        using (Proxy.Fail("ChangePassword", CognitoAnswer.Dropped with { AfterForwarding = true }, body => body["AccessToken"]?.GetValue<string>() == access))
        using (var change = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = AccountClient.Password, newPassword = "Brand-New-Passw0rd" }, access))
        {
            Assert.Equal(HttpStatusCode.GatewayTimeout, change.StatusCode);
        }

        // The client's line of each call, at the level production keeps (Information, Warning for a failure).
        Assert.StartsWith("[worker Information] CognitoFunctions.Cognito.CognitoIdentityProviderClient: ", await loginLogged, StringComparison.Ordinal);
        Assert.StartsWith("[worker Warning] CognitoFunctions.Cognito.CognitoIdentityProviderClient: ", await changeLogged, StringComparison.Ordinal);
        var lines = capture.Lines;
        Assert.Single(lines, l => l.Contains("Cognito AdminInitiateAuth: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Cognito ChangePassword: ", StringComparison.Ordinal));
        var chatty = lines.Where(l => l.StartsWith("[worker Information] System.Net.Http.HttpClient", StringComparison.Ordinal)
            || l.StartsWith("[worker Information] Polly", StringComparison.Ordinal) || l.StartsWith("[worker Debug]", StringComparison.Ordinal)).ToList();
        Assert.True(chatty.Count == 0, string.Join("\n", chatty));
    }

    // A UserType as ListUsers returns it.
    private static JsonObject ListedUser(string username) => new()
    {
        ["Username"] = username,
        ["Attributes"] = new JsonArray(
            new JsonObject { ["Name"] = "sub", ["Value"] = Guid.NewGuid().ToString() },
            new JsonObject { ["Name"] = "email", ["Value"] = $"{username}@example.com" },
            new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        ["UserCreateDate"] = 1.7e9,
        ["UserLastModifiedDate"] = 1.7e9,
        ["Enabled"] = true,
        ["UserStatus"] = "CONFIRMED",
    };
}
