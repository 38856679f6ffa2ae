using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.Telemetry;

/// <summary>The real app refuses to start on a malformed export setting, naming it, instead of exporting nowhere or crashing later.</summary>
public sealed class TelemetryStartupTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http:// or https:// URI")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=do-not-print-me", "APPLICATIONINSIGHTS_CONNECTION_STRING must hold InstrumentationKey=<the resource's GUID>.")]
    public async Task A_malformed_export_setting_stops_the_worker_at_start_up_naming_it(string name, string value, string message)
    {
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(TelemetryStartupTests).Assembly),
            Log = output.WriteLine,
        };
        // The sample's settings otherwise (its pool need not exist: nothing reaches Cognito before the check).
        foreach (var (key, sample) in LocalSettings.ReadValues(Testing.CognitoLocal.RepositoryLayout.LocalSettingsSample))
        {
            options.AppSettings[key] = sample;
        }

        options.AppSettings[name] = value;

        var error = await Assert.ThrowsAsync<FunctionsHostStartException>(() => FunctionsTestHost.StartAsync(options));

        Assert.Contains(message, error.WorkerOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", error.WorkerOutput + error.Message, StringComparison.Ordinal);
    }
}
