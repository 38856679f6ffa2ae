using System.Globalization;

namespace CognitoFunctions.LocalRun;

/// <summary>What <c>scripts/run-local.sh</c> was asked to do.</summary>
internal sealed record LocalRunOptions
{
    /// <summary>The app's default port, as under <c>func start</c>.</summary>
    public const int DefaultAppPort = 7071;

    /// <summary>cognito-local's own default port.</summary>
    public const int DefaultCognitoPort = 9229;

    public const string Usage =
        """
        usage: bash scripts/run-local.sh [options]

        Runs CognitoFunctions against cognito-local until Ctrl+C, which stops everything it started.

          --port N            the app's port (default 7071; 0 picks a free one)
          --cognito-port N    cognito-local's port (default 9229; 0 picks a free one)
          --data-dir DIR      where cognito-local keeps the pool and its users (default .local/cognito-local)
          --reset             delete that pool and its users first, and provision a new one
          --admin EMAIL       put an existing user in the pool's admin group (repeatable)
          --temp              a throw-away run: temporary data directory (deleted on exit), free ports unless
                              given, local.settings.json written there instead of src/CognitoFunctions
          --test-host         use the functions test host even when Core Tools (func) is installed
          --app DIR           serve another function app instead of CognitoFunctions: DIR is its build output (the
                              folder with worker.config.json, e.g. bin/Debug/net10.0 after dotnet build), in
                              either HTTP model (built-in or ASP.NET Core integration)
          --telemetry console the app prints its spans, metrics and logs (OpenTelemetry) to this console
          --otlp URL          the app exports them to an OTLP/HTTP collector as well, e.g. http://127.0.0.1:4318
          --no-build          (script) skip the build and run what was built last
          -c, --configuration (script) Debug (default) or Release
          -h, --help          this text
        """;

    /// <summary>The app's port; 0 picks a free one.</summary>
    public int AppPort { get; init; } = DefaultAppPort;

    /// <summary>cognito-local's port; 0 picks a free one.</summary>
    public int CognitoPort { get; init; } = DefaultCognitoPort;

    /// <summary>cognito-local's data directory as given; null for the default (or a temporary one with <see cref="Temporary"/>).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Delete the pool and its users before starting.</summary>
    public bool Reset { get; init; }

    /// <summary>Everything throw-away: data directory, ports, local.settings.json.</summary>
    public bool Temporary { get; init; }

    /// <summary>Serve the app with the functions test host even when <c>func</c> is on PATH.</summary>
    public bool ForceTestHost { get; init; }

    /// <summary>Another function app's build output to serve, as given; null for CognitoFunctions.</summary>
    public string? AppDirectory { get; init; }

    /// <summary>The app writes its telemetry to the console (<c>--telemetry console</c>).</summary>
    public bool TelemetryConsole { get; init; }

    /// <summary>An OTLP/HTTP collector the app exports to (<c>--otlp</c>); null for none.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Users to put in the admin group.</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];

    /// <summary>Only print <see cref="Usage"/>.</summary>
    public bool Help { get; init; }

    /// <summary>Reads the command line; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out LocalRunOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new LocalRunOptions();
        error = "";
        int? appPort = null, cognitoPort = null;
        var admins = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (arg)
            {
                case "-h" or "--help":
                    options = new LocalRunOptions { Help = true };
                    return true;
                case "--reset":
                    options = options with { Reset = true };
                    break;
                case "--temp":
                    options = options with { Temporary = true };
                    break;
                case "--test-host":
                    options = options with { ForceTestHost = true };
                    break;
                case "--port" or "--cognito-port":
                    if (!TryParsePort(value, out var port))
                    {
                        error = $"{arg} needs a port number from 0 to 65535.";
                        return false;
                    }

                    if (arg == "--port")
                    {
                        appPort = port;
                    }
                    else
                    {
                        cognitoPort = port;
                    }

                    i++;
                    break;
                case "--data-dir" or "--app":
                    if (string.IsNullOrWhiteSpace(value) || value.StartsWith('-'))
                    {
                        error = $"{arg} needs a directory.";
                        return false;
                    }

                    options = arg == "--app" ? options with { AppDirectory = value } : options with { DataDirectory = value };
                    i++;
                    break;
                case "--telemetry":
                    if (value != "console")
                    {
                        error = "--telemetry takes one value: console.";
                        return false;
                    }

                    options = options with { TelemetryConsole = true };
                    i++;
                    break;
                case "--otlp":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                    {
                        error = "--otlp needs the http:// or https:// address of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318.";
                        return false;
                    }

                    options = options with { OtlpEndpoint = endpoint };
                    i++;
                    break;
                case "--admin":
                    if (value is null || !value.Contains('@', StringComparison.Ordinal) || value.StartsWith('-'))
                    {
                        error = "--admin needs the email address of a user.";
                        return false;
                    }

                    admins.Add(value);
                    i++;
                    break;
                default:
                    error = $"unknown argument '{arg}'.";
                    return false;
            }
        }

        if (options.Temporary && (options.DataDirectory is not null || options.Reset))
        {
            error = "--temp uses a fresh temporary data directory: it does not combine with --data-dir or --reset.";
            return false;
        }

        // A throw-away run must not collide with a developer's own run on the default ports.
        options = options with
        {
            AppPort = appPort ?? (options.Temporary ? 0 : DefaultAppPort),
            CognitoPort = cognitoPort ?? (options.Temporary ? 0 : DefaultCognitoPort),
            Admins = admins,
        };
        return true;
    }

    /// <summary>
    /// The app settings of this run: <paramref name="values"/> (local.settings.json's) with the telemetry options over
    /// them. They are for this run alone and never written to local.settings.json, so the next run without them is quiet.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var settings = new Dictionary<string, string>(values, StringComparer.Ordinal);
        if (TelemetryConsole)
        {
            settings["Telemetry__Console"] = "true";
        }

        if (OtlpEndpoint is not null)
        {
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint.ToString();
            settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        return settings;
    }

    private static bool TryParsePort(string? text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
