using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito.Tests;

/// <summary>AddCognitoIdentityProvider: settings validated at start-up, the credential source chosen by configuration.</summary>
public sealed class CognitoServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> ValidCognito = new()
    {
        ["Cognito:Region"] = "eu-west-1",
        ["Cognito:UserPoolId"] = "eu-west-1_AbCdEf123",
        ["Cognito:ClientId"] = "1example23456789abcdefghij",
    };

    [Fact]
    public void The_local_settings_sample_is_a_valid_configuration_using_the_default_credential_chain()
    {
        // The Functions host turns "Values" into environment variables, where "__" separates sections.
        var settings = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample)
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);

        using var services = Build(settings);
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<DefaultChainCredentialSource>(services.GetRequiredService<IAwsCredentialSource>());
        _ = services.GetRequiredService<ICognitoIdentityProvider>(); // resolves, or throws
        // cognito-local ignores signatures, so the sample's AWS keys are placeholders the default chain picks up.
        Assert.False(string.IsNullOrEmpty(settings["AWS_ACCESS_KEY_ID"]));
        Assert.False(string.IsNullOrEmpty(settings["AWS_SECRET_ACCESS_KEY"]));
    }

    [Fact]
    public void The_managed_identity_source_is_chosen_by_configuration()
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito)
        {
            ["Aws:CredentialSource"] = "AzureManagedIdentity",
            ["Aws:RoleArn"] = "arn:aws:iam::123456789012:role/cognito-functions-app",
            ["Aws:WebIdentityAudience"] = "api://cognito-functions-aws",
        });
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<AzureManagedIdentityCredentialSource>(services.GetRequiredService<IAwsCredentialSource>());
    }

    [Fact]
    public void Managed_identity_without_its_settings_stops_start_up_naming_each_missing_setting()
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito) { ["Aws:CredentialSource"] = "AzureManagedIdentity" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("Aws__RoleArn is not set", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Aws__WebIdentityAudience is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Aws:RoleArn", "arn:aws:iam::123:user/someone", "Aws__RoleArn")]
    [InlineData("Aws:WebIdentityAudience", "cognito functions", "Aws__WebIdentityAudience")]
    [InlineData("Aws:ManagedIdentityClientId", "my-identity", "Aws__ManagedIdentityClientId")]
    [InlineData("Aws:RefreshBeforeExpiry", "00:30:00", "Aws__RefreshBeforeExpiry")]
    public void A_malformed_managed_identity_setting_stops_start_up_naming_it(string key, string value, string setting)
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito)
        {
            ["Aws:CredentialSource"] = "AzureManagedIdentity",
            ["Aws:RoleArn"] = "arn:aws:iam::123456789012:role/cognito-functions-app",
            ["Aws:WebIdentityAudience"] = "api://cognito-functions-aws",
            [key] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith(setting, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_credential_source_stops_start_up_naming_the_setting()
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito) { ["Aws:CredentialSource"] = "AccessKeys" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Aws:CredentialSource", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cognito:AttemptTimeout", "00:00:00", "Cognito__AttemptTimeout")]
    [InlineData("Cognito:TotalTimeout", "00:00:01", "Cognito__TotalTimeout")]
    [InlineData("Cognito:MaxRetryAttempts", "-1", "Cognito__MaxRetryAttempts")]
    [InlineData("Cognito:RetryBaseDelay", "-00:00:01", "Cognito__RetryBaseDelay")]
    public void A_bad_timeout_or_retry_setting_stops_start_up_naming_it(string key, string value, string setting)
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith(setting, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cognito:ClientSecrt", "s3cret", "Cognito__ClientSecrt")]
    [InlineData("Cognito:userpool", "eu-west-1_AbCdEf123", "Cognito__userpool")]
    [InlineData("Cognito:Endpoint", "https://cognito.example.com/", "Cognito__Endpoint")]
    [InlineData("Aws:RoleArm", "arn:aws:iam::123456789012:role/cognito-functions-app", "Aws__RoleArm")]
    [InlineData("Aws:WebIdentityScope", "api://x/.default", "Aws__WebIdentityScope")]
    public void A_key_that_names_no_setting_stops_start_up_naming_it(string key, string value, string setting)
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito) { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith($"{setting} is not a setting of the {setting.Split("__")[0]} section", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_match_their_settings_without_regard_to_case_as_the_binder_reads_them()
    {
        using var services = Build(new Dictionary<string, string?>(ValidCognito) { ["cognito:maxretryattempts"] = "1", ["AWS:credentialsource"] = "Default" });
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(1, services.GetRequiredService<IOptions<CognitoOptions>>().Value.MaxRetryAttempts);
    }

    [Fact]
    public void The_defaults_are_five_seconds_per_attempt_fifteen_in_total_and_three_retries()
    {
        using var services = Build(ValidCognito);
        var options = services.GetRequiredService<IOptions<CognitoOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.TotalTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(AwsCredentialSource.Default, services.GetRequiredService<IOptions<AwsOptions>>().Value.CredentialSource);
    }

    [Fact]
    public void Registering_the_client_twice_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ValidCognito).Build();
        var services = new ServiceCollection().AddCognitoIdentityProvider(configuration);

        var error = Assert.Throws<InvalidOperationException>(() => services.AddCognitoIdentityProvider(configuration));

        Assert.StartsWith("AddCognitoIdentityProvider was called twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_the_settings_twice_is_refused_also_when_the_client_registration_would_bind_them_again()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ValidCognito).Build();
        var services = new ServiceCollection().AddCognitoOptions(configuration);

        Assert.StartsWith("AddCognitoOptions was called twice", Assert.Throws<InvalidOperationException>(() => services.AddCognitoOptions(configuration)).Message, StringComparison.Ordinal);
        Assert.Contains("call it alone", Assert.Throws<InvalidOperationException>(() => services.AddCognitoIdentityProvider(configuration)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_pool_description_is_registered_for_every_reader()
    {
        using var services = Build(ValidCognito);

        Assert.Same(services.GetRequiredService<UserPoolDescription>(), services.GetRequiredService<UserPoolDescription>());
    }

    private static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCognitoIdentityProvider(configuration).BuildServiceProvider();
    }
}
