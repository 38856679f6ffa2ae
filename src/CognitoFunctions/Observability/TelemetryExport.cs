using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CognitoFunctions.Observability;

/// <summary>
/// Export of the worker's spans, metrics and logs with OpenTelemetry: to Application Insights, to an OTLP endpoint,
/// to the console, to any of them at once, or, when none is configured, to nothing (no provider is even built).
/// </summary>
internal static class TelemetryExport
{
    public static IHostApplicationBuilder AddTelemetryExport(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RegisterOnce<TelemetryOptions>(nameof(AddTelemetryExport), "register the telemetry export once.");
        var export = TelemetryExportSettings.Read(builder.Configuration);

        // The exporters are chosen now, from the settings as they are; a malformed one stops the app at start-up with
        // this validation, like any other bad setting, rather than failing on the first export.
        builder.Services.AddOptions<TelemetryOptions>()
            .BindRefusingUnknownKeys(builder.Configuration, TelemetryOptions.SectionName)
            .Validate(_ => export.Errors.Count == 0, string.Join(" ", export.Errors))
            .ValidateOnStart();

        var console = bool.TryParse(builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Console)}"], out var on) && on;
        if (!export.ExportsToApplicationInsights && !export.ExportsToOtlp && !console)
        {
            return builder;
        }

        // The worker's defaults: the resource (the Function App, its region) and its invocation span, continuing the
        // trace context the host hands over with each invocation; the host then leaves the worker's logs to it.
        var telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource([.. TelemetryNames.Sources]))
            .WithMetrics(metrics => metrics.AddMeter([.. TelemetryNames.Meters]))
            .WithLogging(configureBuilder: null, configureOptions: logs => logs.IncludeScopes = true);

        if (export.ConnectionString is { } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (export.UsesEntra)
                {
                    // Application Insights with local authentication off takes only an Entra token of the identity.
                    options.Credential = export.ManagedIdentityClientId is { } clientId
                        ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
                }
            });
        }

        if (export.OtlpEndpoint is { } endpoint)
        {
            // The signal paths (/v1/traces, /v1/metrics, /v1/logs) are added to the endpoint for http/protobuf, as the
            // OpenTelemetry specification says of OTEL_EXPORTER_OTLP_ENDPOINT.
            telemetry.UseOtlpExporter(export.OtlpProtocol, endpoint);
        }

        if (console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter())
                .WithLogging(logs => logs.AddConsoleExporter());
        }

        return builder;
    }
}
