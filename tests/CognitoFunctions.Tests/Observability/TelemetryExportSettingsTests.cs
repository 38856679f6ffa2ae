using CognitoFunctions.Observability;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace CognitoFunctions.Tests.Observability;

public sealed class TelemetryExportSettingsTests
{
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-0000000000c3;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/";

    [Fact]
    public void Nothing_set_exports_nowhere()
    {
        var settings = Read();

        Assert.False(settings.ExportsToApplicationInsights);
        Assert.False(settings.ExportsToOtlp);
        Assert.Empty(settings.Errors);
    }

    [Fact]
    public void Application_Insights_with_the_identity_of_the_template_uses_its_Entra_token()
    {
        var settings = Read(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=00000000-0000-0000-0000-0000000000d4"));

        Assert.Empty(settings.Errors);
        Assert.Equal(ConnectionString, settings.ConnectionString);
        Assert.True(settings.UsesEntra);
        Assert.Equal("00000000-0000-0000-0000-0000000000d4", settings.ManagedIdentityClientId);
    }

    [Fact]
    public void An_OTLP_endpoint_is_exported_to_with_the_protocol_given_and_gRPC_otherwise()
    {
        var http = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        var grpc = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector.example.com:4317"));

        Assert.Equal(new Uri("http://127.0.0.1:4318"), http.OtlpEndpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, http.OtlpProtocol);
        Assert.Equal(OtlpExportProtocol.Grpc, grpc.OtlpProtocol);
        Assert.Empty(http.Errors);
    }

    [Theory]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "not a connection string", "key=value pairs")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/", "InstrumentationKey=<the resource's GUID>")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=secret-looking-key", "InstrumentationKey=<the resource's GUID>")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-0000000000c3;IngestionEndpoint=http://insecure.example.com/", "IngestionEndpoint that is not an absolute https:// URI")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD;ClientId=not-a-guid", "must be Authorization=AAD")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=00000000-0000-0000-0000-0000000000d4", "must be Authorization=AAD")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "127.0.0.1:4318", "must be an absolute http:// or https:// URI")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "/v1/traces", "must be an absolute http:// or https:// URI")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "must be grpc or http/protobuf")]
    public void A_malformed_setting_is_an_error_naming_it_without_repeating_its_value(string key, string value, string expected)
    {
        var settings = Read((key, value));

        var error = Assert.Single(settings.Errors);
        Assert.StartsWith(key + " ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking-key", error, StringComparison.Ordinal);
        Assert.False(settings.ExportsToApplicationInsights && key.StartsWith("APPLICATIONINSIGHTS_CONNECTION", StringComparison.Ordinal));
        Assert.False(settings.ExportsToOtlp);
    }

    private static TelemetryExportSettings Read(params (string Key, string Value)[] values) =>
        TelemetryExportSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
