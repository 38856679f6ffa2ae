using CognitoFunctions.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The <c>Accounts</c> section: bound, and a key that names no setting stops start-up instead of being ignored.</summary>
public sealed class AccountOptionsTests
{
    [Fact]
    public void The_setting_binds()
    {
        using var services = Build(new() { ["Accounts:GlobalSignOutOnLogout"] = "false" });
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.False(services.GetRequiredService<IOptions<AccountOptions>>().Value.GlobalSignOutOnLogout);
    }

    [Fact]
    public void Sign_up_leaves_the_email_unproven_and_unproven_emails_hold_for_a_day_by_default()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;

        Assert.False(options.MarkEmailVerifiedWithoutProof);
        Assert.Equal(TimeSpan.FromHours(24), options.UnprovenEmailHoldsFor);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("366.00:00:00")]
    public void A_hold_outside_its_range_stops_start_up_naming_the_setting(string value)
    {
        using var services = Build(new() { ["Accounts:UnprovenEmailHoldsFor"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("Accounts__UnprovenEmailHoldsFor must be between", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Accounts:GlobalSignoutOnLogut", "Accounts__GlobalSignoutOnLogut")]
    [InlineData("Accounts:GlobalSignOutOnLogout:Enabled", "Accounts__GlobalSignOutOnLogout__Enabled")]
    public void A_key_that_names_no_setting_stops_start_up_naming_it(string key, string setting)
    {
        using var services = Build(new() { [key] = "false" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith($"{setting} is not a setting of the Accounts section", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAccounts(configuration).BuildServiceProvider();
    }
}
