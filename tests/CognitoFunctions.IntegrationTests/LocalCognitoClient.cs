using CognitoFunctions.Cognito;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.IntegrationTests;

/// <summary>
/// The app's Cognito client, registered as the app does (AddCognitoIdentityProvider, default AWS credential chain),
/// pointed at a cognito-local fixture, with the AWS placeholder keys of local.settings.sample.json in this test
/// process's environment as <c>func start</c> would put them (cognito-local ignores signatures).
/// </summary>
internal static class LocalCognitoClient
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> SampleAwsEnvironment = new(() =>
    {
        var aws = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample)
            .Where(v => v.Key.StartsWith("AWS_", StringComparison.Ordinal))
            .ToDictionary(v => v.Key, v => v.Value);
        // A developer's own profile or session token must not mix with the placeholders.
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        foreach (var (name, value) in aws)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        return aws;
    });

    public static IReadOnlyDictionary<string, string> AwsEnvironment => SampleAwsEnvironment.Value;

    public static ServiceProvider Create(CognitoLocalFixture fixture, string? clientId = null)
    {
        _ = SampleAwsEnvironment.Value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cognito:Region"] = fixture.Pool.Region,
            ["Cognito:UserPoolId"] = fixture.Pool.UserPoolId,
            ["Cognito:ClientId"] = clientId ?? fixture.Pool.ClientId,
            ["Cognito:ServiceUrl"] = fixture.Server.Endpoint.ToString(),
            ["Cognito:RetryBaseDelay"] = "00:00:00.010",
            ["Aws:CredentialSource"] = "Default",
        }).Build();

        return new ServiceCollection().AddLogging().AddCognitoIdentityProvider(configuration).BuildServiceProvider();
    }
}
