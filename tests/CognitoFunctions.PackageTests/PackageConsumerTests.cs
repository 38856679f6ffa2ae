using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// The second app, which references only the package and adds it with one registration call and one middleware line,
/// run through the functions test host.
/// </summary>
public sealed class PackageConsumerTests : IClassFixture<PackageConsumerFixture>, IDisposable
{
    private readonly PackageConsumerFixture _fixture;

    public PackageConsumerTests(PackageConsumerFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _fixture = fixture;
        fixture.Log.Attach(output);
    }

    [Fact]
    public void Every_function_of_the_app_is_loaded_none_on_a_route_the_real_host_refuses()
    {
        Assert.Empty(_fixture.Host.Handshake.FunctionErrors);
        Assert.Contains(_fixture.Host.Handshake.Functions, f => f.Name == "WhoAmI");
        Assert.Contains(_fixture.Host.Handshake.Functions, f => f.Name == "Tenant");
    }

    [Fact]
    public async Task A_valid_Cognito_token_reaches_the_function_which_sees_its_subject()
    {
        var claims = PoolTokens.IdClaims(_fixture.Pool);

        using var response = await GetWhoAmIAsync(_fixture.PoolKey.Sign(claims));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal(claims["sub"]!.GetValue<string>(), body);
    }

    [Fact]
    public async Task A_token_with_a_wrong_signature_gets_401_invalid_token()
    {
        // The pool's kid, another key: the JWKS has the kid, the signature does not verify.
        using var impostor = new TestKey(_fixture.PoolKey.Kid);

        using var response = await GetWhoAmIAsync(impostor.Sign(PoolTokens.IdClaims(_fixture.Pool)));

        var challenge = AssertChallenge(response);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_gets_401_with_a_challenge_without_an_error_code()
    {
        using var response = await GetWhoAmIAsync(token: null);

        var challenge = AssertChallenge(response);
        Assert.DoesNotContain("error=", challenge.Parameter ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apps_token_check_adds_a_claim_the_function_reads()
    {
        var claims = PoolTokens.IdClaims(_fixture.Pool);

        using var response = await GetAsync("/api/tenant", _fixture.PoolKey.Sign(claims));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("tenant-" + claims["sub"]!.GetValue<string>()[..8], body);
    }

    [Fact]
    public async Task The_apps_token_check_refuses_a_valid_caller_with_403_answered_like_the_middlewares_own()
    {
        var claims = PoolTokens.IdClaims(_fixture.Pool);
        claims["cognito:groups"] = new JsonArray("suspended");

        using var response = await GetAsync("/api/tenant", _fixture.PoolKey.Sign(claims));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"insufficient_scope\", error_description=\"This account is suspended.\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("/problems/insufficient-permissions", problem["type"]!.GetValue<string>());
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Equal("This account is suspended.", problem["detail"]!.GetValue<string>());
    }

    public void Dispose() => _fixture.Log.Detach();

    private static AuthenticationHeaderValue AssertChallenge(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        return challenge;
    }

    private Task<HttpResponseMessage> GetWhoAmIAsync(string? token) => GetAsync("/api/whoami", token);

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _fixture.Client.SendAsync(request);
    }
}
