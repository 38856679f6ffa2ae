using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CognitoFunctions.Authentication;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// One source of truth for the app's settings: the options classes (found by reflection) bind exactly the scalar settings
/// of local.settings.sample.json, and azure-functionapp.bicep sets every one of them and every list setting, each from
/// the parameter of the same name, with the options classes' defaults. Keys outside the options sections are the
/// platform's, listed in <see cref="PlatformSettings"/> with what stands for each on the other side.
/// </summary>
public sealed partial class SettingsConsistencyTests
{
    private static readonly SettingsCatalog Catalog = SettingsCatalog.Discover();

    /// <summary>Settings that have no parameter of their own: the template derives them.</summary>
    private static readonly string[] Derived = ["Aws__ManagedIdentityClientId"];

    /// <summary>Where the template's defaults differ from the options classes' on purpose, and why.</summary>
    private static readonly Dictionary<string, string> TemplateDefaultsDiffer = new(StringComparer.Ordinal)
    {
        ["Aws__CredentialSource"] = "AzureManagedIdentity: in Azure the app signs with the managed identity's role",
        ["Aws__RoleArn"] = "derived from awsAccountId and functionAppRoleName",
        ["Aws__WebIdentityAudience"] = "a required parameter (the Entra application ID URI)",
        ["Aws__ManagedIdentityClientId"] = "the user-assigned identity's client id",
    };

    /// <summary>Where the sample differs from the options classes' defaults, and why: what a local run against cognito-local needs.</summary>
    private static readonly Dictionary<string, string> SampleDiffers = new(StringComparer.Ordinal)
    {
        ["Cognito__Region"] = "the local pool's region",
        ["Cognito__UserPoolId"] = "the local pool (the local run rewrites it)",
        ["Cognito__ClientId"] = "the local app client (the local run rewrites it)",
        ["Cognito__ServiceUrl"] = "cognito-local's address",
        ["Cognito__JwksUri"] = "cognito-local's JWKS",
        ["Accounts__GlobalSignOutOnLogout"] = "cognito-local lacks AdminUserGlobalSignOut",
        ["Accounts__PasswordAuthFlow"] = "cognito-local's AdminInitiateAuth never sets a challenge (MFA, a new password); its InitiateAuth does",
        ["Accounts__UniformResponseTime"] = "cognito-local answers in milliseconds: a short floor hides its timing and keeps local runs quick",
        ["CognitoAuth__RequireHttpsJwks"] = "cognito-local serves its JWKS over http",
    };

    /// <summary>Two trusted pools that use every numbered setting: two clients, one JWKS address.</summary>
    private static readonly JsonArray TwoPools =
    [
        new JsonObject { ["region"] = "us-east-1", ["userPoolId"] = "us-east-1_AbCdEf123", ["clientIds"] = new JsonArray("1example23456789abcdefghij") },
        new JsonObject
        {
            ["region"] = "eu-west-1",
            ["userPoolId"] = "eu-west-1_GhIjKl456",
            ["clientIds"] = new JsonArray("2example23456789abcdefghij", "3example23456789abcdefghij"),
            ["jwksUri"] = "https://keys.example.com/eu-west-1_GhIjKl456/jwks.json",
            ["serviceUrl"] = "https://cognito-idp.eu-west-1.amazonaws.com/",
        },
    ];

    [Fact]
    public void The_options_classes_are_found_by_reflection()
    {
        Assert.Equal(["Accounts", "Audit", "Aws", "Cognito", "CognitoAuth", "Telemetry"], Catalog.Sections.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(Catalog.Scalars, s => s.Key == "Cognito__RetryBaseDelay");
        Assert.Contains(Catalog.Scalars, s => s.Key == "Accounts__GlobalSignOutOnLogout");
        // Computed properties (no setter) are not settings.
        Assert.DoesNotContain(Catalog.Scalars, s => s.Key is "Cognito__Issuer" or "Cognito__EffectiveJwksUri" or "Aws__WebIdentityScope");
        var list = Assert.Single(Catalog.Lists);
        Assert.Equal("CognitoAuth__TrustedPools", list.Key);
        Assert.Equal(
            ["CognitoAuth__TrustedPools__<n>__Region", "CognitoAuth__TrustedPools__<n>__UserPoolId", "CognitoAuth__TrustedPools__<n>__ClientIds__<n>", "CognitoAuth__TrustedPools__<n>__JwksUri", "CognitoAuth__TrustedPools__<n>__ServiceUrl"],
            list.ElementKeys);
    }

    [Fact]
    public void The_sample_has_exactly_the_scalar_settings_of_the_options_classes()
    {
        var problems = SettingsCoverage.SampleProblems(Sample(), Catalog);

        Assert.True(problems.Count == 0, string.Join("\n", problems) + $"\n(list settings, left out of the sample: {string.Join(", ", Catalog.Lists.Select(l => l.Key))})");
    }

    [Fact]
    public void A_sample_that_misses_a_setting_or_has_one_too_many_is_reported()
    {
        var sample = Sample();
        var values = sample["Values"]!.AsObject();
        values.Remove("Cognito__RetryBaseDelay");
        values["CognitoAuth__TrustedPools__0__Region"] = "us-east-1";
        values["Cognito__RetryDelay"] = "00:00:01";
        values["WEBSITE_TIME_ZONE"] = "UTC";
        sample["Host"]!["CORSOrigins"] = "*";

        var problems = SettingsCoverage.SampleProblems(sample, Catalog);

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Cognito__RetryBaseDelay (CognitoOptions) is missing", p, StringComparison.Ordinal),
            p => Assert.StartsWith("CognitoAuth__TrustedPools__0__Region belongs to the list setting CognitoAuth__TrustedPools", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Cognito__RetryDelay is in local.settings.sample.json but no options property binds it", p, StringComparison.Ordinal),
            p => Assert.StartsWith("WEBSITE_TIME_ZONE is neither under an options section nor a known platform key", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Host.CORSOrigins is not a known platform key", p, StringComparison.Ordinal));
    }

    [Fact]
    public void The_sample_differs_from_the_options_defaults_only_where_a_local_run_needs_it()
    {
        var values = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample);

        var differences = OptionsBinding.DifferencesFromDefaults(OptionsBinding.Bind(values, Catalog), Catalog);

        Assert.Equal(SampleDiffers.Keys.Order(StringComparer.Ordinal), differences.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_template_sets_every_setting_of_the_options_classes_and_no_other()
    {
        var deployment = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { ["cognitoAuthTrustedPools"] = TwoPools });

        var problems = SettingsCoverage.TemplateProblems(deployment.AppSettings, Catalog);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(SettingsCoverage.TemplateProblems((await AzureTemplate.WithDefaultsAsync()).AppSettings, Catalog));
    }

    [Fact]
    public async Task A_template_that_misses_a_setting_is_reported()
    {
        const string Line = "        Cognito__RetryBaseDelay: cognitoRetryBaseDelay\n";
        Assert.Contains(Line, AzureTemplate.Text, StringComparison.Ordinal);

        var deployment = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?>(), AzureTemplate.Text.Replace(Line, "", StringComparison.Ordinal));

        Assert.Equal(
            ["Cognito__RetryBaseDelay (CognitoOptions) is not an app setting of azure-functionapp.bicep"],
            SettingsCoverage.TemplateProblems(deployment.AppSettings, Catalog));
    }

    [Fact]
    public async Task Every_numbered_setting_of_a_list_is_set_and_binds_back_to_the_list()
    {
        var list = Assert.Single(Catalog.Lists);
        Assert.Equal("cognitoAuthTrustedPools", list.ParameterName);
        var deployment = await AzureTemplate.SnapshotAsync(new Dictionary<string, JsonNode?> { [list.ParameterName] = TwoPools });
        var settings = deployment.AppSettings;

        var numbered = settings.Keys.Where(k => k.StartsWith(list.Key + "__", StringComparison.Ordinal)).ToList();
        Assert.All(list.ElementKeys, pattern => Assert.Contains(numbered, key => ListSetting.Matches(pattern, key)));
        Assert.All(numbered, key => Assert.True(list.Contains(key), $"{key} is no numbered setting of {list.Key}"));

        var bound = (CognitoAuthOptions)OptionsBinding.Bind(settings, Catalog)[typeof(CognitoAuthOptions)].Bound;
        var expected = TwoPools.Select(p => new JsonObject
        {
            ["region"] = p!["region"]!.DeepClone(),
            ["userPoolId"] = p["userPoolId"]!.DeepClone(),
            ["clientIds"] = p["clientIds"]!.DeepClone(),
            ["jwksUri"] = p["jwksUri"]?.DeepClone(),
            ["serviceUrl"] = p["serviceUrl"]?.DeepClone(),
        });
        var actual = bound.TrustedPools.Select(p => new JsonObject
        {
            ["region"] = p.Region,
            ["userPoolId"] = p.UserPoolId,
            ["clientIds"] = new JsonArray([.. p.ClientIds.Select(c => (JsonNode?)c)]),
            ["jwksUri"] = p.JwksUri?.ToString(),
            ["serviceUrl"] = p.ServiceUrl?.ToString(),
        });
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. expected]), new JsonArray([.. actual])), string.Join("\n", numbered));
    }

    [Fact]
    public async Task Each_setting_is_fed_by_the_parameter_of_its_name()
    {
        var parameters = (await AzureTemplate.CompiledAsync())["parameters"]!.AsObject();
        var fed = Catalog.Scalars.Where(s => !Derived.Contains(s.Key)).ToList();
        var missing = fed.Where(s => !parameters.ContainsKey(s.ParameterName)).Select(s => $"{s.Key} -> {s.ParameterName}").ToList();
        Assert.True(missing.Count == 0, "settings without their parameter: " + string.Join(", ", missing));
        Assert.All(Catalog.Lists, l => Assert.True(parameters.ContainsKey(l.ParameterName), l.ParameterName));

        // A value of its own for every parameter, so that a setting fed by its neighbour's parameter shows.
        var values = fed.ToDictionary(s => s.ParameterName, s => (JsonNode?)DistinctValue(s.ParameterName, parameters[s.ParameterName]!));
        var settings = (await AzureTemplate.SnapshotAsync(values)).AppSettings;

        Assert.All(fed, s =>
        {
            var parameter = parameters[s.ParameterName]!;
            var setting = settings[s.Key];
            switch (parameter["type"]!.GetValue<string>())
            {
                case "securestring":
                    // bicep snapshot does not evaluate secure values; the expression names the parameter.
                    Assert.Contains($"parameters('{s.ParameterName}')", setting, StringComparison.Ordinal);
                    break;
                case "bool":
                    Assert.Equal(values[s.ParameterName]!.GetValue<bool>(), bool.Parse(setting));
                    break;
                case "int":
                    Assert.Equal(values[s.ParameterName]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), setting);
                    break;
                default:
                    Assert.Equal(values[s.ParameterName]!.GetValue<string>(), setting);
                    break;
            }
        });
    }

    [Fact]
    public async Task The_template_defaults_are_the_options_defaults()
    {
        var settings = (await AzureTemplate.WithDefaultsAsync()).AppSettings;

        var differences = OptionsBinding.DifferencesFromDefaults(OptionsBinding.Bind(settings, Catalog), Catalog);

        Assert.Equal(TemplateDefaultsDiffer.Keys.Order(StringComparer.Ordinal), differences.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Platform_keys_of_the_sample_map_to_what_the_template_has_instead()
    {
        var values = LocalSettings.ReadValues(RepositoryLayout.LocalSettingsSample);
        var deployment = await AzureTemplate.WithDefaultsAsync();
        var parameters = (await AzureTemplate.CompiledAsync())["parameters"]!;
        var settings = deployment.AppSettings;

        Assert.Equal(values["FUNCTIONS_WORKER_RUNTIME"], deployment.Site["properties"]!["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>());
        Assert.All(PlatformSettings.TemplateOnly.Keys, key => Assert.Contains(key, settings.Keys));
        Assert.All(PlatformSettings.SampleValues.Keys, key => Assert.DoesNotContain(key, settings.Keys));
        Assert.NotNull(deployment.Site["properties"]!["siteConfig"]!["cors"]);
        Assert.Equal("array", parameters["corsAllowedOrigins"]!["type"]!.GetValue<string>());
        Assert.Equal("bool", parameters["corsSupportCredentials"]!["type"]!.GetValue<string>());
        Assert.Equal(Sample()["Host"]!["CORSCredentials"]!.GetValue<bool>(), parameters["corsSupportCredentials"]!["defaultValue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Every_stack_output_but_the_informational_ones_names_a_setting_with_the_parameter_of_its_name()
    {
        var parameters = (await AzureTemplate.CompiledAsync())["parameters"]!.AsObject();
        var described = CloudFormationYaml.Load(RepositoryLayout.AwsCognitoTemplate)["Outputs"]!.AsObject()
            .Select(o => (Name: o.Key, Setting: SettingInDescription().Match(o.Value!["Description"]!.GetValue<string>())))
            .ToList();
        var outputs = described
            .Where(o => o.Setting.Success)
            .Select(o => (o.Name, Setting: o.Setting.Groups[1].Value))
            .ToList();

        // Outputs for people, not settings (the issuer is derived from region and pool id); every other one says
        // "Setting X", so none can be skipped by a description that forgot it.
        Assert.Equal(["CognitoIssuer", "FunctionAppPolicyArn"], described.Where(o => !o.Setting.Success).Select(o => o.Name));
        Assert.True(outputs.Count >= 5, "expected the outputs CognitoRegion, CognitoUserPoolId, CognitoClientId, CognitoJwksUri, AwsRoleArn");
        Assert.All(outputs, o =>
        {
            var parameter = char.ToLowerInvariant(o.Name[0]) + o.Name[1..];
            var setting = Assert.Single(Catalog.Scalars, s => s.Key == o.Setting);
            Assert.Equal(parameter, setting.ParameterName);
            Assert.True(parameters.ContainsKey(parameter), $"output {o.Name} (setting {o.Setting}) has no Bicep parameter {parameter}");
        });
    }

    private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(RepositoryLayout.LocalSettingsSample))!.AsObject();

    private static string Key(string difference) => difference[..difference.IndexOf(':', StringComparison.Ordinal)];

    // A valid value unlike the default: another allowed value, the other end of the range, the other truth value.
    private static JsonNode DistinctValue(string name, JsonNode parameter)
    {
        var defaultValue = parameter["defaultValue"];
        return parameter["type"]!.GetValue<string>() switch
        {
            "bool" => !defaultValue!.GetValue<bool>(),
            "int" => parameter["minValue"]?.GetValue<int>() is { } min && min != defaultValue?.GetValue<int>() ? min : parameter["maxValue"]?.GetValue<int>() ?? defaultValue!.GetValue<int>() + 1,
            _ when parameter["allowedValues"] is JsonArray allowed => allowed.First(v => !JsonNode.DeepEquals(v, defaultValue))!.DeepClone(),
            _ => $"value-of-{name}",
        };
    }

    [GeneratedRegex(@"^Setting (\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SettingInDescription();
}
