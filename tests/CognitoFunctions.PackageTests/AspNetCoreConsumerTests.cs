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

    protected override void AssertCallerAsFrameworkCodeSeesIt(HttpResponseMessage response, JsonObject claims)
    {
        // ==== HttpContext.User: the assertion goes here, once the middleware sets it. ====
        // The app's WhoAmI function reports HttpContext.User in the response headers X-User-Authenticated ("true" or
        // "false"), X-User-Authentication-Type and X-User-Sub (its "sub" claim); claims["sub"] is the token's subject.
    }
}
