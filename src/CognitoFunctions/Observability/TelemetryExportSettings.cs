using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace CognitoFunctions.Observability;

/// <summary>
/// Where the worker sends its telemetry, read from the standard settings that the Functions host reads too:
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with an Entra token when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>), OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. A malformed value is kept in <see cref="Errors"/> (the app then refuses to
/// start naming it) instead of an exporter that would fail, or quietly send elsewhere, later.
/// </summary>
internal sealed class TelemetryExportSettings
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private TelemetryExportSettings()
    {
    }

    /// <summary>The Application Insights connection string; null when Application Insights is not configured (or malformed).</summary>
    public string? ConnectionString { get; private init; }

    /// <summary>Whether the exporter authenticates with an Entra token of the managed identity.</summary>
    public bool UsesEntra { get; private init; }

    /// <summary>The client id of the user-assigned identity; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; private init; }

    /// <summary>The OTLP endpoint; null when OTLP export is not configured (or malformed).</summary>
    public Uri? OtlpEndpoint { get; private init; }

    /// <summary>The OTLP protocol: gRPC unless <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> says <c>http/protobuf</c>.</summary>
    public OtlpExportProtocol OtlpProtocol { get; private init; }

    /// <summary>What is wrong with the settings, each naming the setting and what it must be; empty when all is well.</summary>
    public IReadOnlyList<string> Errors { get; private init; } = [];

    public bool ExportsToApplicationInsights => ConnectionString is not null;

    public bool ExportsToOtlp => OtlpEndpoint is not null;

    public static TelemetryExportSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var connectionString = Value(configuration, ConnectionStringKey);
        if (connectionString is not null && CheckConnectionString(connectionString) is { } connectionError)
        {
            errors.Add($"{ConnectionStringKey} {connectionError}");
            connectionString = null;
        }

        var usesEntra = false;
        string? clientId = null;
        if (Value(configuration, AuthenticationStringKey) is { } authentication)
        {
            if (ReadAuthentication(authentication, out clientId) is { } authenticationError)
            {
                errors.Add($"{AuthenticationStringKey} {authenticationError}");
            }
            else
            {
                usesEntra = true;
            }
        }

        Uri? endpoint = null;
        if (Value(configuration, OtlpEndpointKey) is { } endpointText)
        {
            if (Uri.TryCreate(endpointText, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
            {
                endpoint = parsed;
            }
            else
            {
                errors.Add($"{OtlpEndpointKey} must be an absolute http:// or https:// URI, such as http://127.0.0.1:4318.");
            }
        }

        var protocol = OtlpExportProtocol.Grpc;
        switch (Value(configuration, OtlpProtocolKey))
        {
            case null or "grpc":
                break;
            case "http/protobuf":
                protocol = OtlpExportProtocol.HttpProtobuf;
                break;
            default:
                errors.Add($"{OtlpProtocolKey} must be grpc or http/protobuf.");
                break;
        }

        return new TelemetryExportSettings
        {
            ConnectionString = connectionString,
            UsesEntra = usesEntra,
            ManagedIdentityClientId = clientId,
            OtlpEndpoint = endpoint,
            OtlpProtocol = protocol,
            Errors = errors,
        };
    }

    private static string? Value(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // The form Application Insights gives: key=value pairs separated by ';', an InstrumentationKey that is a GUID, and
    // endpoints that are absolute https URIs. Nothing of the value is repeated in the message: it holds the key.
    private static string? CheckConnectionString(string value)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !pairs.TryAdd(part[..equals].Trim(), part[(equals + 1)..].Trim()))
            {
                return "must be the connection string of an Application Insights resource (key=value pairs separated by ';', each key once).";
            }
        }

        if (!pairs.TryGetValue("InstrumentationKey", out var key) || !Guid.TryParse(key, out _))
        {
            return "must hold InstrumentationKey=<the resource's GUID>.";
        }

        foreach (var (name, endpoint) in pairs.Where(p => p.Key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase)))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                return $"has a {name} that is not an absolute https:// URI.";
            }
        }

        return null;
    }

    // Authorization=AAD, optionally with ClientId=<GUID> of a user-assigned identity: what the Functions host accepts.
    private static string? ReadAuthentication(string value, out string? clientId)
    {
        clientId = null;
        var authorization = false;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? part[..equals].Trim() : part;
            var content = equals > 0 ? part[(equals + 1)..].Trim() : "";
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && content.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            {
                authorization = true;
            }
            else if (name.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(content, out _))
            {
                clientId = content;
            }
            else
            {
                return "must be Authorization=AAD, optionally followed by ;ClientId=<the managed identity's client id>.";
            }
        }

        return authorization ? null : "must be Authorization=AAD, optionally followed by ;ClientId=<the managed identity's client id>.";
    }
}
