using CognitoFunctions.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>Registration of Cognito authentication in a Functions worker.</summary>
public static class CognitoAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers Cognito token validation: binds <see cref="CognitoAuthOptions"/> to the <c>CognitoAuth</c> section and
    /// validates it when the host starts, registers <see cref="ICognitoTokenValidator"/>, the JWKS key sources and
    /// <see cref="ICognitoKeyStatus"/> (for health checks), and starts fetching the keys at start-up. Then add the middleware with <c>builder.UseCognitoAuthentication()</c>.
    /// Once: a second call throws <see cref="InvalidOperationException"/>.
    /// <code>
    /// var builder = FunctionsApplication.CreateBuilder(args);
    /// builder.Services.AddCognitoAuthentication(builder.Configuration, services =&gt;
    /// {
    ///     var cognito = services.GetRequiredService&lt;IOptions&lt;CognitoOptions&gt;&gt;().Value;
    ///     return new CognitoTrustedPool { Region = cognito.Region, UserPoolId = cognito.UserPoolId, ClientIds = { cognito.ClientId }, JwksUri = cognito.JwksUri };
    /// });
    /// builder.UseCognitoAuthentication();
    /// </code>
    /// </summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="configuration">The app's configuration (its <c>CognitoAuth</c> section is bound).</param>
    /// <param name="applicationPool">
    /// The pool trusted when <c>CognitoAuth__TrustedPools</c> is empty, typically the app's own pool mapped from its
    /// settings. Optional; without it and without configured pools the app does not start.
    /// </param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCognitoAuthentication(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, CognitoTrustedPool?>? applicationPool = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.RegisterOnce<CognitoTokenValidator>(nameof(AddCognitoAuthentication), "register Cognito authentication once, with every trusted pool.");

        services.AddOptions<CognitoAuthOptions>()
            .BindRefusingUnknownKeys(configuration, CognitoAuthOptions.SectionName, CognitoAuthOptions.RenamedSettings)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (options.TrustedPools.Count == 0 && applicationPool?.Invoke(provider) is { } pool)
                {
                    options.TrustedPools.Add(pool);
                    options.UsesApplicationPool = true;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CognitoAuthOptions>>(
            provider => new CognitoAuthOptionsValidator(IsDevelopment(provider, configuration)));

        // Redirects are not followed: a JWKS address that redirects (perhaps to http) is a misconfiguration to see.
        services.AddHttpClient(TrustedPoolRegistry.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        // The revocation check's calls to Cognito's public GetUser: no redirects either (the token is in the body).
        services.AddHttpClient(CognitoGetUser.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddMetrics();
        services.AddSystemTimeProvider();
        services.AddSingleton<AuthenticationMetrics>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<TrustedPoolRegistry>();
        services.AddSingleton<ICognitoKeyStatus, CognitoKeyStatus>();
        services.AddSingleton<CognitoTokenValidator>();
        services.AddSingleton<ICognitoTokenValidator>(provider => provider.GetRequiredService<CognitoTokenValidator>());
        services.AddSingleton<FunctionPolicyResolver>();
        services.AddSingleton<TokenChecks>();
        services.AddSingleton(provider => new CognitoGetUser(
            () => provider.GetRequiredService<IHttpClientFactory>().CreateClient(CognitoGetUser.HttpClientName), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RevocationChecks>();
        services.AddHostedService<JwksPrefetchService>();
        return services;
    }

    /// <summary>
    /// Adds an application check that the middleware runs on every request to a protected function, after the token
    /// is validated and the function's attributes hold: it may refuse with 401 or 403 or add claims (see
    /// <see cref="ICognitoTokenCheck"/>). Registered as a singleton; checks run in the order they are added, until one
    /// refuses. Adding the same type twice adds it once. Any order with <c>AddCognitoAuthentication</c>.
    /// </summary>
    /// <typeparam name="TCheck">The check; its constructor's parameters come from the worker's services.</typeparam>
    /// <param name="services">The worker's services.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCognitoTokenCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, ICognitoTokenCheck
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICognitoTokenCheck, TCheck>());
        return services;
    }

    /// <summary>
    /// Adds an application check given as a function, as <see cref="AddCognitoTokenCheck{TCheck}(IServiceCollection)"/> does:
    /// <code>
    /// builder.Services.AddCognitoTokenCheck(async check =&gt;
    ///     await revocations.IsRevokedAsync(check.Token.TokenId, check.CancellationToken)
    ///         ? CognitoTokenCheckResult.Unauthorized("The token was revoked.")
    ///         : CognitoTokenCheckResult.Success);
    /// </code>
    /// </summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="check">The check, run on every request to a protected function.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCognitoTokenCheck(
        this IServiceCollection services, Func<CognitoTokenCheckContext, ValueTask<CognitoTokenCheckResult>> check)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(check);
        services.AddSingleton<ICognitoTokenCheck>(new DelegateTokenCheck(check));
        return services;
    }

    // The Functions host says Development through AZURE_FUNCTIONS_ENVIRONMENT; a plain .NET host through IHostEnvironment.
    private static bool IsDevelopment(IServiceProvider provider, IConfiguration configuration) =>
        provider.GetService<IHostEnvironment>()?.IsDevelopment() == true
        || string.Equals(configuration["AZURE_FUNCTIONS_ENVIRONMENT"], Environments.Development, StringComparison.OrdinalIgnoreCase);
}
