using System.Text.Json.Nodes;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// The consumer app in ASP.NET Core integration mode: the middleware registered after
/// <c>ConfigureFunctionsWebApplication()</c>, functions taking <c>HttpRequest</c> and returning <c>IActionResult</c>,
/// one of them opened with ASP.NET Core's own <c>[AllowAnonymous]</c>.
/// </summary>
[Collection(PackedMiddlewareTests.Name)]
public sealed class AspNetCoreConsumerTests(AspNetCoreConsumerFixture fixture, ITestOutputHelper output)
    : ConsumerAppTests<AspNetCoreConsumerFixture>(fixture, output), IClassFixture<AspNetCoreConsumerFixture>
{
    [Fact]
    public async Task A_function_marked_with_ASP_NET_Cores_own_AllowAnonymous_answers_without_a_token() =>
        await AssertOpenAsync("/api/framework-open");

    protected override IReadOnlyList<string> Functions { get; } = ["WhoAmI", "Open", "FrameworkOpen"];

    /// <summary>HttpContext.User is the caller: authenticated, of authentication type Cognito, with the token's subject.</summary>
    protected override void AssertCallerAsFrameworkCodeSeesIt(HttpResponseMessage response, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(claims);
        Assert.Equal("true", Header(response, "X-User-Authenticated"));
        Assert.Equal("Cognito", Header(response, "X-User-Authentication-Type"));
        Assert.Equal(claims["sub"]!.GetValue<string>(), Header(response, "X-User-Sub"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : []);
}
