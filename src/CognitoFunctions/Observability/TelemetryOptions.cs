namespace CognitoFunctions.Observability;

/// <summary>
/// Settings of section <c>Telemetry</c>: what the standard OpenTelemetry and Application Insights settings cannot say.
/// Where telemetry goes is said by those (see <see cref="TelemetryExportSettings"/>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Writes every span, metric and log record to the worker's standard output as well (a local run's console); off by
    /// default: in Azure the output goes nowhere a person reads.
    /// </summary>
    public bool Console { get; set; }
}
