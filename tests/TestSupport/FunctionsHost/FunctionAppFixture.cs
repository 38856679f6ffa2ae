using Xunit;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Testing.FunctionsHost.Fixtures;

/// <summary>
/// An xunit fixture: a function app served by <see cref="FunctionsTestHost"/>, and for an app that talks to Cognito
/// (<see cref="UsesCognito"/>) cognito-local with the pool of aws-cognito.yaml, the app's <c>Cognito__*</c> settings
/// pointing at that pool. Builds nothing: the
/// app is the build output of <see cref="AppProject"/>. Tests get <see cref="Client"/>; worker logs go to the
/// test attached to <see cref="Log"/>.
/// </summary>
public abstract class FunctionAppFixture : IAsyncLifetime
{
    private CognitoLocalFixture? _cognito;
    private FunctionsTestHost? _host;
    private HttpClient? _client;

    /// <summary>The app project folder, relative to the repository root (e.g. <c>tests/TestFunctionApp</c>).</summary>
    protected abstract string AppProject { get; }

    /// <summary>Host and worker log lines, for the running test's output.</summary>
    public TestOutputLog Log { get; } = new();

    /// <summary>cognito-local and the provisioned pool the app is configured against.</summary>
    public CognitoLocalFixture Cognito => _cognito ?? throw new InvalidOperationException($"{GetType().Name} runs no cognito-local: its app does not use Cognito.");

    /// <summary>Whether the app calls Cognito, so that the fixture starts cognito-local for it (it takes seconds).</summary>
    protected virtual bool UsesCognito => false;

    /// <summary>The running host.</summary>
    public FunctionsTestHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>An HTTP client for the app (base address = the host's listener).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The app's build output folder.</summary>
    public string AppDirectory => FunctionAppBuildOutput.Locate(AppProject, GetType().Assembly);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            var options = new FunctionsTestHostOptions { AppDirectory = AppDirectory, Log = Log.WriteLine };
            if (UsesCognito)
            {
                _cognito = new CognitoLocalFixture();
                await _cognito.InitializeAsync();
                foreach (var (name, value) in _cognito.Pool.AppSettings(_cognito.Server.Endpoint))
                {
                    options.AppSettings[name] = value;
                }
            }

            await ConfigureAppSettingsAsync(options.AppSettings);
            _host = await FunctionsTestHost.StartAsync(options);
            _client = _host.CreateClient(CreateClientHandler());
            await OnServingAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_cognito is not null)
        {
            await _cognito.DisposeAsync();
        }
    }

    /// <summary>A handler that <see cref="Client"/> sends every request through (to check every answer, say); none by default.</summary>
    protected virtual DelegatingHandler? CreateClientHandler() => null;

    /// <summary>Runs once the app is served and <see cref="Client"/> made, before the first test.</summary>
    protected virtual Task OnServingAsync() => Task.CompletedTask;

    /// <summary>Adds or changes app settings before the host starts.</summary>
    protected virtual Task ConfigureAppSettingsAsync(IDictionary<string, string> settings) => Task.CompletedTask;
}
