using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.IntegrationTests;

/// <summary>A pool provisioned with parameters other than the defaults: the template, not a copy of it, decides.</summary>
public sealed class StrictPoolFixture : CognitoLocalFixture
{
    public const int MinimumLength = 14;
    public const int AccessMinutes = 15;
    public const int IdMinutes = 5;

    protected override IReadOnlyDictionary<string, string> TemplateParameters { get; } = new Dictionary<string, string>
    {
        ["PasswordMinimumLength"] = MinimumLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AccessTokenValidityMinutes"] = AccessMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IdTokenValidityMinutes"] = IdMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GenerateClientSecret"] = "true",
        ["MfaConfiguration"] = "ON",
        ["ThreatProtection"] = "AUDIT",
    };
}

public sealed class TemplateParametersTests(StrictPoolFixture fixture) : IClassFixture<StrictPoolFixture>
{
    [Fact]
    public async Task Parameters_given_to_the_template_reach_the_pool_and_its_tokens()
    {
        var pool = (await fixture.Api.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId }))["UserPool"]!;
        Assert.Equal(StrictPoolFixture.MinimumLength, pool["Policies"]!["PasswordPolicy"]!["MinimumLength"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(fixture.Pool.ClientSecret));
        Assert.Equal("ON", (await fixture.Api.CallAsync("GetUserPoolMfaConfig", new JsonObject { ["UserPoolId"] = fixture.Pool.UserPoolId }))["MfaConfiguration"]!.GetValue<string>());
        Assert.Equal("AUDIT", pool["UserPoolAddOns"]!["AdvancedSecurityMode"]!.GetValue<string>());

        var email = $"strict-{Guid.NewGuid():N}@example.com";
        await fixture.CreateUserAsync(email, "A-much-longer-Passw0rd!");
        var tokens = await fixture.LogInAsync(email, "A-much-longer-Passw0rd!");

        Assert.Equal(StrictPoolFixture.AccessMinutes * 60, Jwt.Lifetime(Jwt.Payload(tokens["AccessToken"]!.GetValue<string>())));
        Assert.Equal(StrictPoolFixture.IdMinutes * 60, Jwt.Lifetime(Jwt.Payload(tokens["IdToken"]!.GetValue<string>())));
    }
}
