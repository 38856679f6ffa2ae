using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.PackageTests;

/// <summary>The consumer app in the built-in HTTP model, whose token check answers 403 or adds a claim.</summary>
[Collection(PackedMiddlewareTests.Name)]
public sealed class BuiltInConsumerTests(BuiltInConsumerFixture fixture, ITestOutputHelper output)
    : ConsumerAppTests<BuiltInConsumerFixture>(fixture, output), IClassFixture<BuiltInConsumerFixture>
{
    protected override IReadOnlyList<string> Functions { get; } = ["WhoAmI", "Open", "Tenant"];

    [Fact]
    public async Task The_apps_token_check_adds_a_claim_the_function_reads()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);

        using var response = await GetAsync("/api/tenant", Fixture.PoolKey.Sign(claims));

        Assert.Equal("tenant-" + claims["sub"]!.GetValue<string>()[..8], await ReadOkTextAsync(response));
    }

    [Fact]
    public async Task The_apps_token_check_refuses_a_valid_caller_with_403_answered_like_the_middlewares_own()
    {
        var claims = PoolTokens.IdClaims(Fixture.Pool);
        claims["cognito:groups"] = new JsonArray("suspended");

        using var response = await GetAsync("/api/tenant", Fixture.PoolKey.Sign(claims));

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
}
