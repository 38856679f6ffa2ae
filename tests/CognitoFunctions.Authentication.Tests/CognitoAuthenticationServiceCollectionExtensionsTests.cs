using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication.Tests;

/// <summary>The one registration call and the one middleware line, as an app uses them.</summary>
public sealed class CognitoAuthenticationServiceCollectionExtensionsTests
{
    [Fact]
    public void Trusted_pools_bind_from_app_settings_with_their_client_lists()
    {
        using var services = Services(new()
        {
            ["CognitoAuth:ClockSkew"] = "00:00:10",
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
            ["CognitoAuth:TrustedPools:0:ClientIds:1"] = "client2",
            ["CognitoAuth:TrustedPools:0:JwksUri"] = "https://keys.example.com/jwks.json",
        });

        var options = services.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), options.ClockSkew);
        var pool = Assert.Single(options.TrustedPools);
        Assert.Equal(["client1", "client2"], pool.ClientIds);
        Assert.Equal("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123", pool.Issuer);
        Assert.Equal(new Uri("https://keys.example.com/jwks.json"), pool.EffectiveJwksUri);
        Assert.False(options.UsesApplicationPool);
    }

    [Fact]
    public void Without_configured_pools_the_applications_own_pool_is_trusted()
    {
        using var services = Services([], _ => new CognitoTrustedPool { Region = "eu-west-1", UserPoolId = "eu-west-1_App1", ClientIds = { "appClient" } });

        var options = services.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;

        var pool = Assert.Single(options.TrustedPools);
        Assert.Equal("eu-west-1_App1", pool.UserPoolId);
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_App1/.well-known/jwks.json"), pool.EffectiveJwksUri);
        Assert.True(options.UsesApplicationPool);
    }

    [Fact]
    public void Configured_pools_take_the_place_of_the_applications_pool()
    {
        using var services = Services(
            new()
            {
                ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
                ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
                ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
            },
            _ => throw new InvalidOperationException("not asked when pools are configured"));

        Assert.Equal("us-east-1_Abc123", Assert.Single(services.GetRequiredService<IOptions<CognitoAuthOptions>>().Value.TrustedPools).UserPoolId);
    }

    [Fact]
    public async Task A_host_without_any_pool_refuses_to_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCognitoAuthentication(new ConfigurationBuilder().Build());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CognitoAuth__TrustedPools is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CognitoAuth:TrustedPool:0:Region", "CognitoAuth__TrustedPool")]
    [InlineData("CognitoAuth:ClockSkw", "CognitoAuth__ClockSkw")]
    [InlineData("CognitoAuth:TrustedPools:0:Regoin", "CognitoAuth__TrustedPools__0__Regoin")]
    [InlineData("CognitoAuth:TrustedPools:0:Issuer", "CognitoAuth__TrustedPools__0__Issuer")]
    [InlineData("CognitoAuth:UsesApplicationPool", "CognitoAuth__UsesApplicationPool")]
    public void A_misspelt_setting_is_an_error_naming_it_rather_than_silently_ignored(string key, string setting)
    {
        using var services = Services(new()
        {
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
            [key] = "x",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CognitoAuthOptions>>().Value);

        Assert.StartsWith($"{setting} is not a setting of the CognitoAuth section", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClockSkewSeconds", "ClockSkew")]
    [InlineData("PenaltyWindowSeconds", "PenaltyWindow")]
    [InlineData("JwksRefreshIntervalSeconds", "JwksRefreshInterval")]
    [InlineData("jwksFetchTimeoutSeconds", "JwksFetchTimeout")]
    public async Task A_setting_in_seconds_of_earlier_versions_stops_the_app_naming_the_duration_that_replaced_it(string old, string current)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCognitoAuthentication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
            [$"CognitoAuth:{old}"] = "30",
        }).Build());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            $"CognitoAuth__{old} is an old name: the setting is now CognitoAuth__{current}, a duration written hh:mm:ss (00:00:30 for 30 seconds). Rename it; it would otherwise be ignored.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public void Development_is_recognised_from_the_Functions_environment_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CognitoAuth:RequireHttpsJwks"] = "false",
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
            ["CognitoAuth:TrustedPools:0:JwksUri"] = "http://127.0.0.1:9229/us-east-1_Abc123/.well-known/jwks.json",
        };
        using var production = Services(settings);
        using var development = Services(new(settings) { ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development" });

        Assert.Throws<OptionsValidationException>(() => production.GetRequiredService<IOptions<CognitoAuthOptions>>().Value);
        Assert.False(development.GetRequiredService<IOptions<CognitoAuthOptions>>().Value.RequireHttpsJwks);
    }

    [Fact]
    public void Registering_twice_is_refused()
    {
        var services = new ServiceCollection().AddCognitoAuthentication(new ConfigurationBuilder().Build());

        Assert.Throws<InvalidOperationException>(() => services.AddCognitoAuthentication(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void The_validator_is_registered_for_callers_outside_HTTP()
    {
        using var services = Services(new()
        {
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
        });

        Assert.Same(services.GetRequiredService<CognitoTokenValidator>(), services.GetRequiredService<ICognitoTokenValidator>());
    }

    [Fact]
    public void The_middleware_line_needs_the_registration_first_and_then_adds_the_middleware()
    {
        var bare = new WorkerBuilder();
        Assert.Throws<InvalidOperationException>(() => bare.UseCognitoAuthentication());

        var builder = new WorkerBuilder();
        builder.Services.AddCognitoAuthentication(new ConfigurationBuilder().Build());
        builder.UseCognitoAuthentication();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(CognitoAuthenticationMiddleware));
        Assert.Equal(1, builder.Middlewares);
    }

    [Fact]
    public async Task The_middleware_line_lets_an_invocation_of_another_trigger_through_the_middleware()
    {
        var builder = new WorkerBuilder();
        builder.Services.AddLogging().AddCognitoAuthentication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CognitoAuth:TrustedPools:0:Region"] = "us-east-1",
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = "us-east-1_Abc123",
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = "client1",
        }).Build());
        builder.UseCognitoAuthentication();
        await using var services = builder.Services.BuildServiceProvider();
        var resolved = new List<Type>();
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private), http: false))
        {
            InstanceServices = new RecordingServices(services, resolved),
        };
        var ran = false;

        await builder.Pipeline(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        })(context);

        Assert.True(ran);
        Assert.Contains(typeof(CognitoAuthenticationMiddleware), resolved);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Func<IServiceProvider, CognitoTrustedPool?>? applicationPool = null) =>
        new ServiceCollection()
            .AddLogging()
            .AddCognitoAuthentication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), applicationPool)
            .BuildServiceProvider();

    private sealed class WorkerBuilder : IFunctionsWorkerApplicationBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middlewares = [];

        public int Middlewares => _middlewares.Count;

        public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
        {
            _middlewares.Add(middleware);
            return this;
        }

        /// <summary>The middlewares in the order added, ending in <paramref name="function"/>, as the worker chains them.</summary>
        public FunctionExecutionDelegate Pipeline(FunctionExecutionDelegate function)
        {
            var next = function;
            for (var i = _middlewares.Count - 1; i >= 0; i--)
            {
                next = _middlewares[i](next);
            }

            return next;
        }
    }

    /// <summary>The invocation's services, noting what the pipeline resolves (the middleware, when it runs).</summary>
    private sealed class RecordingServices(IServiceProvider inner, List<Type> resolved) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            resolved.Add(serviceType);
            return inner.GetService(serviceType);
        }
    }
}
