using System.Globalization;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication.Tests.Options;

/// <summary>Start-up validation: every wrong setting is named as it is spelled in app settings.</summary>
public sealed class CognitoAuthOptionsValidatorTests
{
    [Fact]
    public void A_complete_pool_is_valid()
    {
        Assert.True(Validate(Options()).Succeeded);
    }

    [Theory]
    [InlineData("Region", "", "CognitoAuth__TrustedPools__0__Region is not set")]
    [InlineData("Region", "Virginia", "CognitoAuth__TrustedPools__0__Region 'Virginia' is not an AWS region name")]
    [InlineData("UserPoolId", "", "CognitoAuth__TrustedPools__0__UserPoolId is not set")]
    [InlineData("UserPoolId", "pool", "CognitoAuth__TrustedPools__0__UserPoolId 'pool' is not a user pool id")]
    [InlineData("UserPoolId", "eu-west-1_Abc123", "belongs to region 'eu-west-1', not 'us-east-1'")]
    public void A_pool_without_a_proper_issuer_stops_the_app_naming_the_setting(string property, string value, string message)
    {
        var options = Options();
        typeof(CognitoTrustedPool).GetProperty(property)!.SetValue(options.TrustedPools[0], value);

        Assert.Contains(Validate(options).Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pool_without_client_ids_stops_the_app()
    {
        var options = Options();
        options.TrustedPools[0].ClientIds.Clear();

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__ClientIds is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_client_id_is_named_by_its_index()
    {
        var options = Options();
        options.TrustedPools[0].ClientIds.Add("not a client id");

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__ClientIds__1 is not an app client id", StringComparison.Ordinal));
    }

    [Fact]
    public void No_pool_at_all_stops_the_app()
    {
        var options = new CognitoAuthOptions();

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_pool_twice_stops_the_app()
    {
        var options = Options();
        options.TrustedPools.Add(Options().TrustedPools[0]);

        Assert.Contains(Validate(options).Failures!, f => f.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_JWKS_over_http_needs_RequireHttpsJwks_false_which_only_Development_allows()
    {
        var options = Options();
        options.TrustedPools[0].JwksUri = new Uri("http://127.0.0.1:9229/us-east-1_Abc123/.well-known/jwks.json");

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__JwksUri is http", StringComparison.Ordinal));

        options.RequireHttpsJwks = false;
        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__RequireHttpsJwks is false outside the Development environment", StringComparison.Ordinal));
        Assert.True(Validate(options, isDevelopment: true).Succeeded);
    }

    [Fact]
    public void A_Cognito_endpoint_over_http_is_allowed_only_in_Development_since_access_tokens_travel_to_it()
    {
        var options = Options();
        options.TrustedPools[0].ServiceUrl = new Uri("http://127.0.0.1:9229/");

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__ServiceUrl is http outside the Development environment", StringComparison.Ordinal));
        Assert.True(Validate(options, isDevelopment: true).Succeeded);
    }

    [Theory]
    [InlineData("file:///etc/cognito")]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/?x=1")]
    public void A_Cognito_endpoint_that_is_not_a_plain_http_address_is_refused(string endpoint)
    {
        var options = Options();
        options.TrustedPools[0].ServiceUrl = new Uri(endpoint);

        Assert.Contains(Validate(options, isDevelopment: true).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__ServiceUrl must be an absolute https address", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_override_a_pools_tokens_are_checked_at_its_regions_public_endpoint()
    {
        Assert.Equal(new Uri("https://cognito-idp.us-east-1.amazonaws.com/"), Options().TrustedPools[0].EffectiveServiceUrl);
    }

    [Fact]
    public void A_JWKS_address_that_is_not_http_is_refused()
    {
        var options = Options();
        options.TrustedPools[0].JwksUri = new Uri("file:///etc/jwks.json");

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("CognitoAuth__TrustedPools__0__JwksUri must be an absolute https address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(CognitoAuthOptions.CacheSize), -1)]
    public void Numbers_out_of_range_are_named(string property, int value)
    {
        var options = Options();
        typeof(CognitoAuthOptions).GetProperty(property)!.SetValue(options, value);

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith($"CognitoAuth__{property} is {value}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(CognitoAuthOptions.ClockSkew), "00:05:01", "00:00:00 and 00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.ClockSkew), "-00:00:01", "00:00:00 and 00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.PenaltyWindow), "00:00:00", "00:00:01 and 01:00:00")]
    [InlineData(nameof(CognitoAuthOptions.PenaltyWindow), "01:00:01", "00:00:01 and 01:00:00")]
    [InlineData(nameof(CognitoAuthOptions.JwksRefreshInterval), "00:00:10", "00:01:00 and 1.00:00:00")]
    [InlineData(nameof(CognitoAuthOptions.JwksFetchTimeout), "00:00:00", "00:00:01 and 00:01:00")]
    [InlineData(nameof(CognitoAuthOptions.JwksFetchTimeout), "00:01:01", "00:00:01 and 00:01:00")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckInterval), "00:00:00", "00:00:01 and 00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckInterval), "00:05:01", "00:00:01 and 00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckTimeout), "00:00:00.5000000", "00:00:01 and 00:00:30")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckTimeout), "00:00:31", "00:00:01 and 00:00:30")]
    public void Durations_out_of_range_are_named_with_their_bounds(string property, string value, string bounds)
    {
        var options = Options();
        typeof(CognitoAuthOptions).GetProperty(property)!.SetValue(options, TimeSpan.Parse(value, CultureInfo.InvariantCulture));

        Assert.Contains(Validate(options).Failures!, f => f == $"CognitoAuth__{property} is {value}; it must be between {bounds}.");
    }

    [Theory]
    [InlineData(nameof(CognitoAuthOptions.ClockSkew), "00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.PenaltyWindow), "00:00:01")]
    [InlineData(nameof(CognitoAuthOptions.JwksRefreshInterval), "1.00:00:00")]
    [InlineData(nameof(CognitoAuthOptions.JwksFetchTimeout), "00:01:00")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckInterval), "00:05:00")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckInterval), "00:00:01")]
    [InlineData(nameof(CognitoAuthOptions.RevocationCheckTimeout), "00:00:30")]
    public void Durations_at_their_bounds_are_accepted(string property, string value)
    {
        var options = Options();
        typeof(CognitoAuthOptions).GetProperty(property)!.SetValue(options, TimeSpan.Parse(value, CultureInfo.InvariantCulture));

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void The_defaults_are_small_and_safe()
    {
        var options = new CognitoAuthOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PenaltyWindow);
        Assert.True(options.RequireHttpsJwks);
        Assert.Equal(10_000, options.CacheSize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.JwksFetchTimeout);
        Assert.Equal(TimeSpan.FromSeconds(900), options.JwksRefreshInterval);
    }

    [Fact]
    public void The_application_pool_is_named_as_such_when_it_is_wrong()
    {
        var options = Options();
        options.TrustedPools[0].UserPoolId = "";
        options.UsesApplicationPool = true;

        Assert.Contains(Validate(options).Failures!, f => f.StartsWith("UserPoolId of the application's pool (used because CognitoAuth__TrustedPools is empty) is not set", StringComparison.Ordinal));
    }

    private static CognitoAuthOptions Options()
    {
        var options = new CognitoAuthOptions();
        options.TrustedPools.Add(new CognitoTrustedPool { Region = "us-east-1", UserPoolId = "us-east-1_Abc123", ClientIds = { "client1" } });
        return options;
    }

    private static ValidateOptionsResult Validate(CognitoAuthOptions options, bool isDevelopment = false) =>
        new CognitoAuthOptionsValidator(isDevelopment).Validate(null, options);
}
