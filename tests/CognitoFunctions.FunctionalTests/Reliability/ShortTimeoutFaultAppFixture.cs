using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app behind the fault-injecting proxy, with short Cognito timeouts and two retries.</summary>
public sealed class ShortTimeoutFaultAppFixture : FaultInjectedAppFixture
{
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        ShortTimeouts.Apply(settings);
    }
}
