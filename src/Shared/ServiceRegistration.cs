using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CognitoFunctions.Shared;

/// <summary>
/// What every <c>Add...</c> registration method of the three projects does alike. One source file compiled into the
/// Cognito client, the app and the middleware package.
/// </summary>
internal static class ServiceRegistration
{
    /// <summary>
    /// Registers the system clock as <see cref="TimeProvider"/> unless one is registered already (a test's fake clock,
    /// or the app's own), so that every registration shares one clock.
    /// </summary>
    public static IServiceCollection AddSystemTimeProvider(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Refuses a second call of the registration method <paramref name="method"/>: its options would be bound twice and
    /// its services added twice, and a second call with other arguments would change the first silently, so it stops
    /// the app at start-up instead, with <paramref name="advice"/>.
    /// </summary>
    /// <typeparam name="TRegistration">A type that stands for the registration (its class of extension methods).</typeparam>
    public static void RegisterOnce<TRegistration>(this IServiceCollection services, string method, string advice)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Registered<TRegistration>)))
        {
            throw new InvalidOperationException($"{method} was called twice: {advice}");
        }

        services.AddSingleton(new Registered<TRegistration>());
    }

    /// <summary>The mark a registration leaves in the service collection.</summary>
    private sealed class Registered<TRegistration>;
}
