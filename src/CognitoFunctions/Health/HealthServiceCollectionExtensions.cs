using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CognitoFunctions.Health;

/// <summary>Registration of the readiness check; needs the Cognito client and the Cognito authentication registered.</summary>
internal static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CognitoReachability>();
        services.AddSingleton<Readiness>();
        return services;
    }
}
