using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>
/// The real app, src/CognitoFunctions, served by the test host and configured as a newcomer would run it: the
/// Values of local.settings.sample.json, with the Cognito pool provisioned in cognito-local.
/// </summary>
public class CognitoFunctionsAppFixture : FunctionAppFixture
{
    protected override string AppProject => "src/CognitoFunctions";

    protected override bool UsesCognito => true;

    protected override Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (name, value) in SampleSettings())
        {
            // The pool's own values (Cognito__*) come from the pool the fixture provisioned.
            settings.TryAdd(name, value);
        }

        return Task.CompletedTask;
    }

    /// <summary>The Values of local.settings.sample.json.</summary>
    public static IEnumerable<(string Name, string Value)> SampleSettings()
    {
        return LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample)
            .Where(v => !v.Key.StartsWith("Cognito__", StringComparison.Ordinal) && v.Value.Length > 0)
            .Select(v => (v.Key, v.Value));
    }
}
