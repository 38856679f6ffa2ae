using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// What every consumer app shows, whatever its HTTP model: it installs the packed package, adds it with one
/// registration call and one middleware line, and is served by the functions test host. Each app's own class runs
/// these tests with its fixture and adds what only that app has.
/// </summary>
public abstract class ConsumerAppTests<TFixture> : IDisposable
    where TFixture : ConsumerAppFixture
{
    protected ConsumerAppTests(TFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        fixture.Log.Attach(output);
    }

    protected TFixture Fixture { get; }

    /// <summary>The names of the app's functions.</summary>
    protected abstract IReadOnlyList<string> Functions { get; }

    [Fact]
    public void Every_function_of_the_app_is_loaded_none_on_a_route_the_real_host_refuses()
    {
        Assert.Empty(Fixture.Host.Handshake.FunctionErrors);
        Assert.Equal(Functions.Order(StringComparer.Ordinal), Fixture.Host.Handshake.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_valid_Cognito_token_reaches_the_function_which_sees_its_subject()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);

        using var response = await GetAsync("/api/whoami", Fixture.PoolKey.Sign(claims));

        Assert.Equal(claims["sub"]!.GetValue<string>(), await ReadOkTextAsync(response));
        AssertCallerAsFrameworkCodeSeesIt(response, claims);
    }

    [Fact]
    public async Task A_token_with_a_wrong_signature_gets_401_invalid_token()
    {
        // The pool's kid, another key: the JWKS has the kid, the signature does not verify.
        using var impostor = new TestKey(Fixture.PoolKey.Kid);

        using var response = await GetAsync("/api/whoami", impostor.Sign(PoolTokens.IdClaims(Fixture.Pool)));

        var challenge = await AssertUnauthorizedAsync(response);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_gets_401_problem_details_with_a_challenge_without_an_error_code()
    {
        using var response = await GetAsync("/api/whoami", token: null);

        var challenge = await AssertUnauthorizedAsync(response);
        Assert.DoesNotContain("error=", challenge.Parameter ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_marked_CognitoAllowAnonymous_answers_without_a_token() =>
        await AssertOpenAsync("/api/open");

    public void Dispose()
    {
        Fixture.Log.Detach();
        GC.SuppressFinalize(this);
    }

    /// <summary>What code of the app's framework, rather than the function, sees of a caller the middleware let in.</summary>
    protected virtual void AssertCallerAsFrameworkCodeSeesIt(HttpResponseMessage response, JsonObject claims)
    {
    }

    /// <summary>Asserts that <paramref name="path"/> answers 200 to a request without a token.</summary>
    protected async Task AssertOpenAsync(string path)
    {
        using var response = await GetAsync(path, token: null);

        Assert.Equal("open", await ReadOkTextAsync(response));
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    /// <summary>Asserts a 200 (showing the body otherwise) and returns the body.</summary>
    protected static async Task<string> ReadOkTextAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }

    protected async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Fixture.Client.SendAsync(request);
    }

    private static async Task<AuthenticationHeaderValue> AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.Equal("/api/whoami", problem["instance"]!.GetValue<string>());
        return challenge;
    }
}
