
namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// The app with its JWKS address on a <see cref="JwksServer"/> the tests control, and a one-second penalty window so
/// that an unknown <c>kid</c> may cause a fetch again soon.
/// </summary>
public abstract class JwksServerAppFixture : CognitoFunctionsAppFixture
{
    /// <summary>The app's <c>CognitoAuth__PenaltyWindow</c>.</summary>
    public static readonly TimeSpan PenaltyWindow = TimeSpan.FromSeconds(1);

    private JwksServer? _jwks;

    public JwksServer Jwks => _jwks ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The document the server publishes when the app starts.</summary>
    protected abstract Task<string> InitialJwksAsync();

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        _jwks = await JwksServer.StartAsync(await InitialJwksAsync());
        settings["Cognito__JwksUri"] = _jwks.Address.ToString();
        settings["CognitoAuth__PenaltyWindow"] = PenaltyWindow.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }
    }
}
