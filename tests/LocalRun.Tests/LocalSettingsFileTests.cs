using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;

namespace CognitoFunctions.LocalRun.Tests;

public sealed class LocalSettingsFileTests : IDisposable
{
    private static readonly string Sample = RepositoryLayout.LocalSettingsSample;
    private readonly TemporaryFolder _directory = new("local-settings-");

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal)
    {
        ["Cognito__Region"] = "us-east-1",
        ["Cognito__UserPoolId"] = "local_Abc12345",
        ["Cognito__ClientId"] = "client123",
        ["Cognito__ClientSecret"] = "",
        ["Cognito__ServiceUrl"] = "http://127.0.0.1:9229/",
        ["Cognito__JwksUri"] = "http://127.0.0.1:9229/local_Abc12345/.well-known/jwks.json",
    };

    private string Target => Path.Combine(_directory.Path, "local.settings.json");

    [Fact]
    public void A_missing_file_is_written_from_the_sample_with_the_pool_values()
    {
        var outcome = LocalSettingsFile.Apply(Sample, Target, _pool);

        Assert.Equal(SettingsWrite.Created, outcome.Write);
        var written = LocalSettings.ReadValues(Target);
        var sample = LocalSettings.ReadValues(Sample);
        Assert.Equal(sample.Select(p => p.Key), written.Select(p => p.Key));
        foreach (var (name, value) in sample.Where(p => !_pool.ContainsKey(p.Key)))
        {
            Assert.Equal(value, written[name]);
        }

        Assert.All(_pool, p => Assert.Equal(p.Value, written[p.Key]));
        Assert.Equal("local_Abc12345", outcome.Values["Cognito__UserPoolId"]);
        Assert.Equal("false", outcome.Values["Accounts__GlobalSignOutOnLogout"]);
    }

    [Fact]
    public void An_existing_file_keeps_the_users_settings_and_only_the_pool_values_change_with_each_change_listed()
    {
        LocalSettingsFile.Apply(Sample, Target, _pool);
        var settings = JsonNode.Parse(File.ReadAllText(Target))!.AsObject();
        settings["Values"]!["Cognito__UserPoolId"] = "local_Old00000";
        settings["Values"]!["Cognito__ClientSecret"] = "old-secret";
        settings["Values"]!["Accounts__GlobalSignOutOnLogout"] = "true";
        settings["Values"]!["MyOwn__Setting"] = "mine";
        settings["Values"]!.AsObject().Remove("Aws__RoleArn");
        settings["Host"]!["CORS"] = "http://localhost:5173";
        File.WriteAllText(Target, settings.ToJsonString());

        var outcome = LocalSettingsFile.Apply(Sample, Target, _pool);

        Assert.Equal(SettingsWrite.Updated, outcome.Write);
        Assert.Equal(
            ["Cognito__UserPoolId: local_Old00000 -> local_Abc12345", "Cognito__ClientSecret changed", "Aws__RoleArn: added from local.settings.sample.json"],
            outcome.Changes);
        Assert.DoesNotContain(outcome.Changes, c => c.Contains("old-secret", StringComparison.Ordinal));
        var written = LocalSettings.ReadValues(Target);
        Assert.Equal("local_Abc12345", written["Cognito__UserPoolId"]);
        Assert.Equal("", written["Cognito__ClientSecret"]);
        Assert.Equal("true", written["Accounts__GlobalSignOutOnLogout"]);
        Assert.Equal("mine", written["MyOwn__Setting"]);
        Assert.Equal("", written["Aws__RoleArn"]);
        Assert.Equal("http://localhost:5173", JsonNode.Parse(File.ReadAllText(Target))!["Host"]!["CORS"]!.GetValue<string>());
        Assert.Equal("mine", outcome.Values["MyOwn__Setting"]);
    }

    [Fact]
    public void A_file_already_pointing_at_the_pool_is_not_rewritten()
    {
        LocalSettingsFile.Apply(Sample, Target, _pool);
        var before = File.GetLastWriteTimeUtc(Target);
        File.SetLastWriteTimeUtc(Target, before.AddHours(-1));

        var outcome = LocalSettingsFile.Apply(Sample, Target, _pool);

        Assert.Equal(SettingsWrite.Unchanged, outcome.Write);
        Assert.Empty(outcome.Changes);
        Assert.Equal(before.AddHours(-1), File.GetLastWriteTimeUtc(Target));
    }

    [Theory]
    [InlineData("{ // mine\n \"Values\": {} }")]
    [InlineData("{ \"Values\": { \"A\": \"1\", } }")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"Host\": {} }")]
    public void A_file_the_run_cannot_rewrite_faithfully_is_left_alone_with_a_reason(string content)
    {
        File.WriteAllText(Target, content);

        var ex = Assert.Throws<LocalRunException>(() => LocalSettingsFile.Apply(Sample, Target, _pool));

        Assert.Contains(Target, ex.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(Target));
    }

    public void Dispose() => _directory.Dispose();
}
