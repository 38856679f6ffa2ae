using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>
/// The middleware in both HTTP models: what it leaves alone, and in ASP.NET Core integration mode where it must sit in
/// the pipeline and what it tells the framework (<c>HttpContext.User</c>). End to end through the real worker:
/// FunctionalTests/Authentication/HttpModelsEndToEndTests.
/// </summary>
public sealed class HttpModelsTests(LoadedHarnessFixture fixture) : IClassFixture<LoadedHarnessFixture>
{
    private const string HttpContextItem = "HttpRequestContext";

    private AuthHarness Harness => fixture.Harness;

    public static TheoryData<bool> BothModels => new() { false, true };

    [Theory]
    [MemberData(nameof(BothModels))]
    public async Task An_anonymous_function_is_passed_on_without_its_request_being_read(bool aspNetCore)
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Login)));
        context.Features.Set<IHttpRequestDataFeature>(new UnreadableRequest());

        Assert.True(await RunsAsync(Middleware(aspNetCore), context));
    }

    [Theory]
    [MemberData(nameof(BothModels))]
    public async Task A_function_that_is_not_HTTP_triggered_is_passed_on_without_its_request_being_read(bool aspNetCore)
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private), http: false));
        context.Features.Set<IHttpRequestDataFeature>(new UnreadableRequest());

        Assert.True(await RunsAsync(Middleware(aspNetCore), context));
    }

    [Fact]
    public async Task In_ASP_NET_Core_integration_mode_HttpContext_User_is_the_Cognito_principal()
    {
        var token = TestToken.Id(Harness.Now).Set("cognito:groups", new List<string> { "admins" }).Encode();
        var (context, httpContext) = AspNetCoreRequest(nameof(SampleFunctions.Private), "Bearer " + token);
        System.Security.Claims.ClaimsPrincipal? principal = null;

        Assert.True(await RunsAsync(Middleware(aspNetCore: true), context, c => principal = c.GetCognitoPrincipal()));

        Assert.Same(principal, httpContext.User);
        Assert.True(httpContext.User.Identity!.IsAuthenticated);
        Assert.Equal("Cognito", httpContext.User.Identity.AuthenticationType);
        Assert.Equal(context.GetCognitoToken().Subject, httpContext.User.FindFirst("sub")!.Value);
        Assert.True(httpContext.User.IsInRole("admins"));
    }

    [Fact]
    public async Task In_ASP_NET_Core_integration_mode_a_refused_request_leaves_HttpContext_User_anonymous()
    {
        var (context, httpContext) = AspNetCoreRequest(nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(Harness.Now.AddHours(-2)).Encode());
        var request = (await context.GetHttpRequestDataAsync())!;

        Assert.NotNull(await Middleware(aspNetCore: true).AuthenticateAsync(context, request));

        Assert.False(httpContext.User.Identity?.IsAuthenticated ?? false);
    }

    [Fact]
    public async Task In_the_built_in_model_an_HttpContext_item_is_not_looked_for()
    {
        var (context, httpContext) = AspNetCoreRequest(nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(Harness.Now).Encode());

        Assert.True(await RunsAsync(Middleware(aspNetCore: false), context));

        Assert.False(httpContext.User.Identity?.IsAuthenticated ?? false);
    }

    [Fact]
    public async Task In_ASP_NET_Core_integration_mode_without_the_request_of_the_integration_a_protected_function_fails_closed_naming_the_fix()
    {
        // What a middleware placed before the integration's sees (the start-up check refuses that order first).
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)));
        context.Features.Set<IHttpRequestDataFeature>(new UnreadableRequest());
        var ran = false;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware(aspNetCore: true).Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.False(ran);
        Assert.Contains("call builder.ConfigureFunctionsWebApplication() first and builder.UseCognitoAuthentication() after it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_of_a_request_without_a_usable_URL_is_answered_without_instance_rather_than_thrown()
    {
        // What the worker's empty request data (an empty URL, which throws when read) gave a misplaced middleware.
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)));

        var response = (FakeHttpResponseData)(await Middleware(aspNetCore: false).AuthenticateAsync(context, new UrlLessRequest(context)))!;

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(response.BodyText());
        Assert.Equal("/problems/token-required", body.RootElement.GetProperty("type").GetString());
        Assert.False(body.RootElement.TryGetProperty("instance", out _));
    }

    [Fact]
    public void The_placement_check_refuses_the_middleware_before_the_integration_in_ASP_NET_Core_integration_mode_only()
    {
        var aspNetCore = new MiddlewarePlacementValidator(Microsoft.Extensions.Options.Options.Create(Worker(aspNetCore: true)));
        var builtIn = new MiddlewarePlacementValidator(Microsoft.Extensions.Options.Options.Create(Worker(aspNetCore: false)));

        var refused = aspNetCore.Validate(null, new MiddlewarePlacement { AfterAspNetCoreIntegration = false });

        Assert.True(refused.Failed);
        Assert.Equal(MiddlewarePlacementValidator.Message, refused.FailureMessage);
        Assert.True(aspNetCore.Validate(null, new MiddlewarePlacement { AfterAspNetCoreIntegration = true }).Succeeded);
        Assert.True(builtIn.Validate(null, new MiddlewarePlacement { AfterAspNetCoreIntegration = false }).Succeeded);
    }

    [Theory]
    [InlineData("before", false)]
    [InlineData("after", true)]
    [InlineData("built-in", true)]
    public void Registered_before_ConfigureFunctionsWebApplication_the_app_stops_at_start_up_naming_the_fix(string order, bool starts)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        if (order == "before")
        {
            UseCognito(builder);
        }

        if (order != "built-in")
        {
            builder.ConfigureFunctionsWebApplication();
        }

        if (order != "before")
        {
            UseCognito(builder);
        }

        using var host = builder.Build();
        // The options ValidateOnStart checks when the host starts, read directly: starting would connect to a host.
        var placement = () => host.Services.GetRequiredService<IOptions<MiddlewarePlacement>>().Value;

        if (starts)
        {
            placement();
        }
        else
        {
            Assert.Equal(MiddlewarePlacementValidator.Message, Assert.Throws<OptionsValidationException>(placement).Message);
        }
    }

    [Fact]
    public void With_a_HostBuilder_the_middleware_registered_inside_ConfigureFunctionsWebApplication_comes_after_the_integration()
    {
        using var host = new HostBuilder()
            .ConfigureServices((context, services) => services.AddCognitoAuthentication(context.Configuration))
            .ConfigureFunctionsWebApplication(worker => worker.UseCognitoAuthentication())
            .Build();

        Assert.True(host.Services.GetRequiredService<IOptions<MiddlewarePlacement>>().Value.AfterAspNetCoreIntegration);
    }

    [Fact]
    public void UseCognitoAuthentication_twice_is_refused()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        UseCognito(builder);

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseCognitoAuthentication());

        Assert.Contains("UseCognitoAuthentication was called twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UseCognitoAuthentication_before_AddCognitoAuthentication_is_refused_naming_the_fix(bool aspNetCore)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        if (aspNetCore)
        {
            builder.ConfigureFunctionsWebApplication();
        }

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseCognitoAuthentication());

        Assert.Equal("Call services.AddCognitoAuthentication(configuration) before builder.UseCognitoAuthentication().", error.Message);
    }

    private static void UseCognito(FunctionsApplicationBuilder builder)
    {
        builder.Services.AddCognitoAuthentication(builder.Configuration);
        builder.UseCognitoAuthentication();
    }

    private CognitoAuthenticationMiddleware Middleware(bool aspNetCore) =>
        ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(Harness.Services, Microsoft.Extensions.Options.Options.Create(Worker(aspNetCore)));

    private static WorkerOptions Worker(bool aspNetCore)
    {
        var options = new WorkerOptions();
        if (aspNetCore)
        {
            options.Capabilities["HttpUri"] = "http://127.0.0.1:5555/";
        }

        return options;
    }

    /// <summary>A request as the integration hands it over: its HttpContext in the items, its request data from it.</summary>
    private static (FakeFunctionContext Context, DefaultHttpContext HttpContext) AspNetCoreRequest(string function, string authorization)
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(function));
        var httpContext = new DefaultHttpContext();
        context.Items[HttpContextItem] = httpContext;
        context.Features.Set<IHttpRequestDataFeature>(new Request(new FakeHttpRequestData(context).WithAuthorization(authorization)));
        return (context, httpContext);
    }

    private static async Task<bool> RunsAsync(CognitoAuthenticationMiddleware middleware, FunctionContext context, Action<FunctionContext>? inside = null)
    {
        var ran = false;
        await middleware.Invoke(context, c =>
        {
            ran = true;
            inside?.Invoke(c);
            return Task.CompletedTask;
        });
        return ran;
    }

    private sealed class Request(HttpRequestData request) : IHttpRequestDataFeature
    {
        public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult<HttpRequestData?>(request);
    }

    private sealed class UrlLessRequest(FunctionContext context) : HttpRequestData(context)
    {
        public override Stream Body { get; } = new MemoryStream();

        public override HttpHeadersCollection Headers { get; } = [];

        public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

        public override Uri Url => new(string.Empty);

        public override IEnumerable<System.Security.Claims.ClaimsIdentity> Identities { get; } = [];

        public override string Method => "GET";

        public override HttpResponseData CreateResponse() => new FakeHttpResponseData(FunctionContext);
    }

    private sealed class UnreadableRequest : IHttpRequestDataFeature
    {
        public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) =>
            throw new InvalidOperationException("The request was read.");
    }
}
