using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.PackageTests;

/// <summary>
/// A consumer app of one HTTP model, built against the packed middleware alone (once per test run, by
/// <see cref="PackedMiddlewareFixture"/>), served by the functions test host, trusting a pool whose keys a loopback
/// JWKS server publishes.
/// </summary>
public abstract class ConsumerAppFixture : IAsyncLifetime
{
    private readonly PackedMiddlewareFixture _packed;
    private readonly HttpModel _model;
    private JwksServer? _jwks;
    private ProvisionedPool? _pool;
    private FunctionsTestHost? _host;
    private HttpClient? _client;

    protected ConsumerAppFixture(PackedMiddlewareFixture packed, HttpModel model)
    {
        ArgumentNullException.ThrowIfNull(packed);
        _packed = packed;
        _model = model;
    }

    /// <summary>The key the pool signs with; the JWKS server publishes its public half.</summary>
    public TestKey PoolKey { get; } = new("package-test-key");

    /// <summary>The pool the app trusts (no Cognito behind it: its tokens are signed with <see cref="PoolKey"/>).</summary>
    public ProvisionedPool Pool => _pool ?? throw NotInitialised();

    /// <summary>An HTTP client for the app.</summary>
    public HttpClient Client => _client ?? throw NotInitialised();

    /// <summary>The test host serving the app.</summary>
    public FunctionsTestHost Host => _host ?? throw NotInitialised();

    /// <summary>Host and worker log lines, for the running test's output.</summary>
    public TestOutputLog Log { get; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            var app = await _packed.BuiltAppAsync(_model);
            _jwks = await JwksServer.StartAsync(Jwks.Of(PoolKey));
            _pool = new ProvisionedPool(CognitoLocalFixture.Region, $"{CognitoLocalFixture.Region}_PkgTest01", "", "packagetestclient", null, [], _jwks.Address);

            var options = new FunctionsTestHostOptions { AppDirectory = app.OutputDirectory, Log = Log.WriteLine };
            foreach (var (name, value) in _pool.TrustedPoolSettingsOverHttp())
            {
                options.AppSettings[name] = value;
            }

            _host = await FunctionsTestHost.StartAsync(options);
            _client = _host.CreateClient();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }

        PoolKey.Dispose();
    }

    private static InvalidOperationException NotInitialised() => new("The fixture is not initialised.");
}
