using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito;

/// <summary>Registration of the Cognito pool settings.</summary>
public static class CognitoServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CognitoOptions"/> to the <c>Cognito</c> section and validates it when the host starts.
    /// </summary>
    public static IServiceCollection AddCognitoOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CognitoOptions>()
            .Bind(configuration.GetSection(CognitoOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CognitoOptions>, CognitoOptionsValidator>());
        return services;
    }
}
