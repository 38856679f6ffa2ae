using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>
/// The Cognito middleware end to end in each HTTP model, through the real worker and the functions test host: the same
/// requests to the same routes of the two test apps (the built-in model's and the ASP.NET Core integration's).
/// </summary>
public abstract class HttpModelEndToEndTests<TFixture>(TFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
    where TFixture : CognitoTestAppFixture
{
    protected new TFixture Fixture { get; } = fixture;

    [Theory]
    [InlineData("Caller")]
    [InlineData("GroupMembersOnly")]
    [InlineData("Open")]
    public void The_functions_behind_the_middleware_are_loaded(string function)
    {
        Assert.DoesNotContain(function, Fixture.Host.Handshake.FunctionErrors.Keys);
        Assert.Contains(Fixture.Host.Handshake.Functions, f => f.Name == function);
    }

    [Fact]
    public async Task A_valid_token_reaches_the_function_with_its_subject_and_the_body_intact()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);
        using var request = Request(HttpMethod.Post, "/api/caller", Fixture.PoolKey.Sign(claims));
        request.Content = new StringContent("{\"note\":\"é ✓\"}", Encoding.UTF8, "application/json");

        var caller = await OkJsonAsync(request);

        Assert.Equal(claims["sub"]!.GetValue<string>(), caller["sub"]!.GetValue<string>());
        Assert.Equal("{\"note\":\"é ✓\"}", caller["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_token_gets_401_problem_details_with_a_bare_Bearer_challenge()
    {
        using var response = await Client.SendAsync(Request(HttpMethod.Get, "/api/caller", token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"cognito\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("/problems/token-required", problem["type"]!.GetValue<string>());
        Assert.Equal("/api/caller", problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_signed_by_another_key_gets_401_invalid_token()
    {
        using var impostor = new TestKey(Fixture.PoolKey.Kid);

        using var response = await Client.SendAsync(Request(HttpMethod.Get, "/api/caller", impostor.Sign(PoolTokens.IdClaims(Fixture.Pool))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_requirement_lets_members_in_and_answers_others_403()
    {
        using var member = await Client.SendAsync(Request(HttpMethod.Get, "/api/group-members", Fixture.PoolKey.Sign(Admin(PoolTokens.IdClaims(Fixture.Pool)))));
        using var other = await Client.SendAsync(Request(HttpMethod.Get, "/api/group-members", Fixture.PoolKey.Sign(PoolTokens.IdClaims(Fixture.Pool))));

        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", other.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_function_runs_without_a_token_and_a_bad_one_is_not_even_read()
    {
        using var without = await Client.SendAsync(Request(HttpMethod.Get, "/api/open", token: null));
        using var garbage = await Client.SendAsync(Request(HttpMethod.Get, "/api/open", "not-a-token"));

        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    protected static JsonObject Admin(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        claims["cognito:groups"] = new JsonArray("admins");
        return claims;
    }

    protected static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    protected async Task<JsonNode> OkJsonAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
            return JsonNode.Parse(body)!;
        }
    }
}

/// <summary>The built-in HTTP model (HttpRequestData): the function reaches the caller through its FunctionContext.</summary>
public sealed class BuiltInModelEndToEndTests(BuiltInModelCognitoAppFixture fixture, ITestOutputHelper output)
    : HttpModelEndToEndTests<BuiltInModelCognitoAppFixture>(fixture, output), IClassFixture<BuiltInModelCognitoAppFixture>
{
    [Fact]
    public async Task The_function_gets_an_authenticated_principal_of_authentication_type_Cognito()
    {
        var caller = await OkJsonAsync(Request(HttpMethod.Get, "/api/caller", Fixture.PoolKey.Sign(PoolTokens.IdClaims(Fixture.Pool))));

        Assert.True(caller["principal"]!["authenticated"]!.GetValue<bool>());
        Assert.Equal("Cognito", caller["principal"]!["authenticationType"]!.GetValue<string>());
    }
}

/// <summary>
/// ASP.NET Core integration (HttpRequest in, IActionResult out), the middleware registered after
/// ConfigureFunctionsWebApplication(): the framework sees the caller in HttpContext.User too.
/// </summary>
public sealed class AspNetCoreModelEndToEndTests(AspNetCoreModelCognitoAppFixture fixture, ITestOutputHelper output)
    : HttpModelEndToEndTests<AspNetCoreModelCognitoAppFixture>(fixture, output), IClassFixture<AspNetCoreModelCognitoAppFixture>
{
    [Fact]
    public async Task HttpContext_User_is_the_Cognito_principal_of_the_caller()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);

        var caller = await OkJsonAsync(Request(HttpMethod.Get, "/api/caller", Fixture.PoolKey.Sign(claims)));

        var user = caller["user"]!;
        Assert.True(user["authenticated"]!.GetValue<bool>());
        Assert.Equal("Cognito", user["authenticationType"]!.GetValue<string>());
        Assert.Equal(claims["cognito:username"]!.GetValue<string>(), user["name"]!.GetValue<string>());
        Assert.Equal(claims["sub"]!.GetValue<string>(), user["sub"]!.GetValue<string>());
        Assert.True(user["samePrincipal"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Framework_authorization_reads_the_callers_groups_from_HttpContext_User()
    {
        var admin = await OkJsonAsync(Request(HttpMethod.Get, "/api/caller", Fixture.PoolKey.Sign(Admin(PoolTokens.IdClaims(Fixture.Pool)))));
        var other = await OkJsonAsync(Request(HttpMethod.Get, "/api/caller", Fixture.PoolKey.Sign(PoolTokens.IdClaims(Fixture.Pool))));

        Assert.True(admin["admin"]!.GetValue<bool>());
        Assert.False(other["admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_anonymous_function_sees_no_user_even_when_a_valid_token_is_sent()
    {
        var open = await OkJsonAsync(Request(HttpMethod.Get, "/api/open", Fixture.PoolKey.Sign(PoolTokens.IdClaims(Fixture.Pool))));

        Assert.False(open["authenticated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_frameworks_AllowAnonymous_opens_a_function()
    {
        using var response = await Client.SendAsync(Request(HttpMethod.Get, "/api/framework-open", token: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_function_taking_HttpRequestData_in_the_same_app_is_served_by_the_middleware_too()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);
        using var refused = await Client.SendAsync(Request(HttpMethod.Get, "/api/request-data-caller", token: null));
        using var served = await Client.SendAsync(Request(HttpMethod.Get, "/api/request-data-caller", Fixture.PoolKey.Sign(claims)));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(claims["sub"]!.GetValue<string>(), await served.Content.ReadAsStringAsync());
    }
}

/// <summary>The order the package refuses: UseCognitoAuthentication() before ConfigureFunctionsWebApplication().</summary>
public sealed class MiddlewareOrderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Registered_before_ConfigureFunctionsWebApplication_the_worker_refuses_to_start_naming_the_fix()
    {
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = FunctionAppBuildOutput.Locate("tests/TestAspNetFunctionApp", typeof(MiddlewareOrderTests).Assembly),
            Log = output.WriteLine,
        };
        // Valid settings otherwise (nothing is fetched before the check): the order alone stops it.
        foreach (var (name, value) in CognitoTestAppFixture.TestPool(new Uri("http://127.0.0.1:9/jwks.json")).TrustedPoolSettingsOverHttp())
        {
            options.AppSettings[name] = value;
        }

        options.AppSettings["TestApp__CognitoMiddleware"] = "before";

        var error = await Assert.ThrowsAsync<FunctionsHostStartException>(() => FunctionsTestHost.StartAsync(options));

        Assert.Equal(StartStage.Connect, error.Stage);
        Assert.Contains(
            "UseCognitoAuthentication() is called before ConfigureFunctionsWebApplication()", error.WorkerOutput, StringComparison.Ordinal);
        Assert.Contains(
            "call builder.ConfigureFunctionsWebApplication() first and builder.UseCognitoAuthentication() after it", error.WorkerOutput, StringComparison.Ordinal);
    }
}
