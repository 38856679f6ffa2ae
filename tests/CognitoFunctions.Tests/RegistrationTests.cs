using CognitoFunctions.Accounts;
using CognitoFunctions.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Tests;

/// <summary>The app's registration methods, like the Cognito client's and the middleware's, refuse a second call.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Registering_the_readiness_check_twice_is_refused()
    {
        var services = new ServiceCollection().AddReadiness();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddReadiness());

        Assert.StartsWith("AddReadiness was called twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_account_flows_twice_is_refused()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddAccounts(configuration);

        var error = Assert.Throws<InvalidOperationException>(() => services.AddAccounts(configuration));

        Assert.StartsWith("AddAccounts was called twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_registration_shares_one_clock_and_keeps_one_registered_before()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddReadiness().AddAccounts(new ConfigurationBuilder().Build());

        Assert.Same(clock, Assert.Single(services, d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance);
    }
}
