using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CognitoFunctions.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CognitoFunctions.Tests.Observability;

public sealed class TelemetryExportTests
{
    [Fact]
    public void Without_an_exporter_setting_no_OpenTelemetry_provider_is_registered()
    {
        var builder = Builder();

        builder.AddTelemetryExport();

        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(TracerProvider) || d.ServiceType == typeof(MeterProvider));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_app_sources_and_meters_are_listened_to()
    {
        var builder = Builder(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        builder.AddTelemetryExport();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.All(TelemetryNames.Sources, name => Assert.True(new ActivitySource(name).HasListeners(), name));
            foreach (var name in TelemetryNames.Meters)
            {
                using var meter = new Meter(name);
                var counter = meter.CreateCounter<long>("probe");
                Assert.True(counter.Enabled, name);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Application_Insights_is_reached_with_the_user_assigned_identity_that_the_authentication_string_names()
    {
        var builder = Builder(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-0000000000c3;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=00000000-0000-0000-0000-0000000000d4"));
        builder.AddTelemetryExport();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.IsType<ManagedIdentityCredential>(options.Credential);
        Assert.StartsWith("InstrumentationKey=00000000-0000-0000-0000-0000000000c3;", options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_OTLP_endpoint_stops_the_app_at_start_up_naming_the_setting()
    {
        var builder = Builder(("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"));
        builder.AddTelemetryExport();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http:// or https:// URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_of_the_Telemetry_section_stops_the_app_at_start_up()
    {
        var builder = Builder(("Telemetry:Consol", "true"));
        builder.AddTelemetryExport();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Telemetry__Consol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_export_twice_is_refused()
    {
        var builder = Builder();
        builder.AddTelemetryExport();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddTelemetryExport());

        Assert.StartsWith("AddTelemetryExport was called twice", error.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return builder;
    }
}
