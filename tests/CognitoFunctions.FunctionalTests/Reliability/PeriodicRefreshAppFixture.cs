using System.Globalization;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>Key rotation with the shortest periodic JWKS refresh the middleware allows.</summary>
public sealed class PeriodicRefreshAppFixture : KeyRotationAppFixture
{
    /// <summary>The app's <c>CognitoAuth__JwksRefreshInterval</c>: the validator's minimum.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(60);

    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["CognitoAuth__JwksRefreshInterval"] = RefreshInterval.ToString("c", CultureInfo.InvariantCulture);
    }
}
