using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>The Cognito client as the app registers it (AddCognitoIdentityProvider), pointed at a fake.</summary>
internal static class TestClients
{
    public const string UserPoolId = "us-east-1_TestPool1";
    public const string ClientId = "1example23456789abcdefghij";
    public const string ClientSecret = "7ud5example0secret0value0for0tests0only0abcdefgh";

    public static IReadOnlyDictionary<string, string?> Settings(Uri serviceUrl) => new Dictionary<string, string?>
    {
        ["Cognito:Region"] = AwsTestKeys.Region,
        ["Cognito:UserPoolId"] = UserPoolId,
        ["Cognito:ClientId"] = ClientId,
        ["Cognito:ServiceUrl"] = serviceUrl.ToString(),
        ["Cognito:AttemptTimeout"] = "00:00:02",
        ["Cognito:TotalTimeout"] = "00:00:06",
        ["Cognito:MaxRetryAttempts"] = "3",
        ["Cognito:RetryBaseDelay"] = "00:00:00.010",
    };

    public static ServiceProvider Create(
        Uri serviceUrl,
        IAwsCredentialSource? credentials = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>(Settings(serviceUrl));
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        services.AddCognitoIdentityProvider(configuration);
        services.Replace(ServiceDescriptor.Singleton(credentials ?? StaticCredentialSource.LongTerm));
        if (time is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(time));
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ICognitoIdentityProvider Client(this ServiceProvider services) => services.GetRequiredService<ICognitoIdentityProvider>();
}
