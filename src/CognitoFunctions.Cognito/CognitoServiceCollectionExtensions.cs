using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Azure.Core;
using Azure.Identity;
using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Cognito.Http;
using CognitoFunctions.Cognito.Signing;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito;

/// <summary>Registration of the Cognito pool settings and the Cognito client.</summary>
public static class CognitoServiceCollectionExtensions
{
    /// <summary>The name of the Cognito client's HttpClient in IHttpClientFactory.</summary>
    public const string HttpClientName = "Cognito";

    /// <summary>The service key of the TokenCredential and STS client the managed-identity source uses.</summary>
    public const string ManagedIdentityKey = "CognitoFunctions.Cognito.AzureManagedIdentity";

    /// <summary>
    /// Binds <see cref="CognitoOptions"/> to the <c>Cognito</c> section and validates it when the host starts (a key
    /// under the section that names no option is refused too). Once: a second call, or a call besides
    /// <see cref="AddCognitoIdentityProvider"/> (which makes it), throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static IServiceCollection AddCognitoOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.RegisterOnce<CognitoOptions>(
            nameof(AddCognitoOptions),
            $"bind the Cognito settings once; {nameof(AddCognitoIdentityProvider)} binds them itself, so call it alone.");
        services.AddOptions<CognitoOptions>()
            .BindRefusingUnknownKeys(configuration, CognitoOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CognitoOptions>, CognitoOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Registers <see cref="ICognitoIdentityProvider"/>: binds and validates at start-up the <c>Cognito</c> and
    /// <c>Aws</c> sections, chooses the AWS credential source by <c>Aws__CredentialSource</c>, and builds the
    /// HttpClient pipeline: resilience (total timeout, retries, attempt timeout) outside the attempt recorder,
    /// outside the SigV4 signer, so that every attempt is signed afresh. Once: a second call throws
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public static IServiceCollection AddCognitoIdentityProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.RegisterOnce<ICognitoIdentityProvider>(nameof(AddCognitoIdentityProvider), "register the Cognito client once.");
        services.AddCognitoOptions(configuration);
        services.AddOptions<AwsOptions>()
            .BindRefusingUnknownKeys(configuration, AwsOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());

        services.AddSystemTimeProvider();
        services.TryAddSingleton(CreateCredentialSource);
        services.TryAddSingleton<UserPoolDescription>();
        AddManagedIdentityExchange(services);
        services.AddMetrics();
        services.TryAddSingleton<CognitoMetrics>();
        services.TryAddTransient<AttemptRecordingHandler>();
        services.TryAddTransient<SigV4SigningHandler>();

        // Handlers run in the order added: the first is outermost.
        var client = services.AddHttpClient<ICognitoIdentityProvider, CognitoIdentityProviderClient>(HttpClientName, http =>
            {
                // The resilience pipeline's total timeout governs; a second clock here would only race it.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = 4 * 1024 * 1024;
            })
            // Cognito never redirects; following one would resend the request, signature and all, elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RedactLoggedHeaders(_ => true);
        client.AddResilienceHandler(CognitoResilience.PipelineName, (builder, context) =>
            CognitoResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<CognitoOptions>>().Value));
        client.AddHttpMessageHandler<AttemptRecordingHandler>()
            .AddHttpMessageHandler<SigV4SigningHandler>();

        return services;
    }

    private static IAwsCredentialSource CreateCredentialSource(IServiceProvider services)
    {
        var aws = services.GetRequiredService<IOptions<AwsOptions>>().Value;
        return aws.CredentialSource switch
        {
            AwsCredentialSource.AzureManagedIdentity => new AzureManagedIdentityCredentialSource(
                services.GetRequiredKeyedService<TokenCredential>(ManagedIdentityKey),
                services.GetRequiredKeyedService<IAmazonSecurityTokenService>(ManagedIdentityKey),
                aws,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<AzureManagedIdentityCredentialSource>>()),
            _ => new DefaultChainCredentialSource(),
        };
    }

    private static void AddManagedIdentityExchange(IServiceCollection services)
    {
        // Keyed, so that they neither take over nor collide with TokenCredential or STS registrations of the app's own;
        // created only when Aws__CredentialSource is AzureManagedIdentity, and disposed with the container.
        services.TryAddKeyedSingleton<TokenCredential>(ManagedIdentityKey, (provider, _) =>
        {
            var aws = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
            return new ManagedIdentityCredential(string.IsNullOrEmpty(aws.ManagedIdentityClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(aws.ManagedIdentityClientId));
        });
        services.TryAddKeyedSingleton<IAmazonSecurityTokenService>(ManagedIdentityKey, (provider, _) =>
            // AssumeRoleWithWebIdentity is authorized by the web identity token alone.
            new AmazonSecurityTokenServiceClient(
                new AnonymousAWSCredentials(),
                new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(provider.GetRequiredService<IOptions<CognitoOptions>>().Value.Region) }));
    }
}
