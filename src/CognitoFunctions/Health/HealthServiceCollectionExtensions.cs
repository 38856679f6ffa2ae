using CognitoFunctions.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Health;

/// <summary>Registration of the readiness check; needs the Cognito client and the Cognito authentication registered.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>Registers the readiness check. Once: a second call throws <see cref="InvalidOperationException"/>.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.RegisterOnce<Readiness>(nameof(AddReadiness), "register the readiness check once.");
        services.AddSystemTimeProvider();
        services.AddSingleton<CognitoReachability>();
        services.AddSingleton<Readiness>();
        return services;
    }
}
