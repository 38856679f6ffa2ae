namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// The app with Cognito's API on a loopback port nothing listens on (every call is refused), while the pool's JWKS
/// stays reachable in cognito-local.
/// </summary>
public sealed class CognitoRefusedAppFixture : CognitoFunctionsAppFixture
{
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["Cognito__ServiceUrl"] = ClosedPort.Address().ToString();
        ShortTimeouts.Apply(settings);
    }
}
