using CognitoFunctions.FunctionalTests.Contract;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>
/// The real app, src/CognitoFunctions, served by the test host and configured as a newcomer would run it: the
/// Values of local.settings.sample.json, with the Cognito pool provisioned in cognito-local. Every answer the
/// <see cref="FunctionAppFixture.Client"/> receives is checked against the app's OpenAPI document (<see cref="Contract"/>).
/// </summary>
public class CognitoFunctionsAppFixture : FunctionAppFixture
{
    protected override string AppProject => "src/CognitoFunctions";

    protected override bool UsesCognito => true;

    /// <summary>The check of every answer against the OpenAPI document.</summary>
    public ContractCheck Contract { get; } = new();

    protected override DelegatingHandler? CreateClientHandler() => Contract;

    // Loaded now rather than on the first answer, whose test may be timing it.
    protected override Task OnServingAsync() => Contract.LoadAsync(Client.BaseAddress!, CancellationToken.None);

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
