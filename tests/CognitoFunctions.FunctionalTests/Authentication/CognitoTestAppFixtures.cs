using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>
/// A test app with the Cognito middleware registered (setting TestApp__CognitoMiddleware), trusting a pool whose keys a
/// loopback JWKS server publishes: tokens are signed by <see cref="PoolKey"/>, no Cognito behind them.
/// </summary>
public abstract class CognitoTestAppFixture : FunctionAppFixture
{
    private JwksServer? _jwks;
    private ProvisionedPool? _pool;

    /// <summary>The key the pool signs with.</summary>
    public TestKey PoolKey { get; } = new("http-models-key");

    /// <summary>The pool the app trusts.</summary>
    public ProvisionedPool Pool => _pool ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The value of TestApp__CognitoMiddleware the app is started with.</summary>
    protected abstract string Registration { get; }

    /// <summary>A pool of the test region whose keys are at <paramref name="jwks"/>.</summary>
    public static ProvisionedPool TestPool(Uri jwks) =>
        new(CognitoLocalFixture.Region, $"{CognitoLocalFixture.Region}_HttpModel1", "", "httpmodelsclient", null, [], jwks);

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }

        PoolKey.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        _jwks = await JwksServer.StartAsync(Jwks.Of(PoolKey));
        _pool = TestPool(_jwks.Address);
        foreach (var (name, value) in _pool.TrustedPoolSettingsOverHttp())
        {
            settings[name] = value;
        }

        settings["TestApp__CognitoMiddleware"] = Registration;
    }
}

/// <summary>The built-in HTTP model's test app (HttpRequestData), with the middleware.</summary>
public sealed class BuiltInModelCognitoAppFixture : CognitoTestAppFixture
{
    protected override string AppProject => "tests/TestFunctionApp";

    protected override string Registration => "on";
}

/// <summary>The ASP.NET Core integration test app, with the middleware registered after ConfigureFunctionsWebApplication().</summary>
public sealed class AspNetCoreModelCognitoAppFixture : CognitoTestAppFixture
{
    protected override string AppProject => "tests/TestAspNetFunctionApp";

    protected override string Registration => "after";
}
