using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito.Tests;

public sealed class CognitoOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Cognito:Region"] = "eu-west-1",
        ["Cognito:UserPoolId"] = "eu-west-1_AbCdEf123",
        ["Cognito:ClientId"] = "1example23456789abcdefghij",
    };

    [Fact]
    public void A_complete_configuration_is_valid_and_derives_the_endpoint()
    {
        var options = Bind(Valid);

        Assert.True(new CognitoOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), options.Endpoint);
    }

    [Fact]
    public void A_service_url_overrides_the_derived_endpoint()
    {
        var options = Bind(With(("Cognito:ServiceUrl", "http://127.0.0.1:9229/")));

        Assert.Equal(new Uri("http://127.0.0.1:9229/"), options.Endpoint);
    }

    [Fact]
    public void A_cognito_local_pool_id_is_accepted()
    {
        var options = Bind(With(("Cognito:UserPoolId", "local_5ed1Xb3F")));

        Assert.True(new CognitoOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Cognito:Region", null, "Cognito__Region is not set")]
    [InlineData("Cognito:Region", "Ireland", "Cognito__Region 'Ireland' is not an AWS region")]
    [InlineData("Cognito:UserPoolId", null, "Cognito__UserPoolId is not set")]
    [InlineData("Cognito:UserPoolId", "pool", "Cognito__UserPoolId 'pool' is not a user pool id")]
    [InlineData("Cognito:UserPoolId", "us-east-1_AbCdEf123", "belongs to region 'us-east-1', but Cognito__Region is 'eu-west-1'")]
    [InlineData("Cognito:ClientId", null, "Cognito__ClientId is not set")]
    [InlineData("Cognito:ClientId", "not a client id", "Cognito__ClientId is not an app client id")]
    [InlineData("Cognito:ClientSecret", "   ", "Cognito__ClientSecret is blank")]
    [InlineData("Cognito:ServiceUrl", "ftp://127.0.0.1/", "Cognito__ServiceUrl must be an absolute http or https address")]
    [InlineData("Cognito:JwksUri", "/relative/jwks.json", "Cognito__JwksUri must be an absolute http or https address")]
    public void A_bad_setting_is_named_in_the_failure(string key, string? value, string expected)
    {
        var options = Bind(With((key, value)));

        var result = new CognitoOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_never_prints_the_client_secret()
    {
        const string secret = "  super-secret-value  ";
        var options = Bind(With(("Cognito:ClientSecret", secret), ("Cognito:ClientId", "bad id")));

        var result = new CognitoOptionsValidator().Validate(null, options);

        Assert.DoesNotContain(result.Failures!, f => f.Contains("super-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_binds_the_Cognito_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Valid).Build();
        using var services = new ServiceCollection().AddCognitoOptions(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<CognitoOptions>>().Value;

        Assert.Equal("eu-west-1_AbCdEf123", options.UserPoolId);
    }

    [Fact]
    public async Task A_host_with_missing_settings_refuses_to_start_naming_each_of_them()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCognitoOptions(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cognito__Region is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cognito__UserPoolId is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cognito__ClientId is not set", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static CognitoOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return configuration.GetSection(CognitoOptions.SectionName).Get<CognitoOptions>() ?? new CognitoOptions();
    }
}
