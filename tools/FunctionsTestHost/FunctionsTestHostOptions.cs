namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>What <see cref="FunctionsTestHost"/> runs and how.</summary>
public sealed class FunctionsTestHostOptions
{
    /// <summary>
    /// The function app's build output: the folder holding <c>worker.config.json</c>, <c>functions.metadata</c>,
    /// <c>host.json</c> and the app's dll. Required.
    /// </summary>
    public string AppDirectory { get; set; } = "";

    /// <summary>
    /// App settings, passed to the worker as environment variables as the real host does with the <c>Values</c>
    /// of local.settings.json or Azure app settings (<c>Cognito__UserPoolId</c>, …). They win over inherited
    /// variables. Default: none.
    /// </summary>
    public IDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The loopback port of the HTTP listener; 0 (the default) picks a free one.</summary>
    public int HttpPort { get; set; }

    /// <summary>
    /// Where the worker's logs (its <c>RpcLog</c> messages and console output) and the host's own notes go,
    /// one line each. Default: nowhere. Called from several threads; must not throw.
    /// </summary>
    public Action<string>? Log { get; set; }

    /// <summary>How long the worker may take from launch to all functions loaded. Default 60 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the worker may take to exit after <c>WorkerTerminate</c> before it is killed by PID. Default 5 s.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>dotnet</c> executable that runs the worker. Default: <c>dotnet</c> from PATH (or DOTNET_HOST_PATH).</summary>
    public string DotnetExecutable { get; set; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    internal void Validate()
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(AppDirectory))
        {
            failures.Add($"{nameof(AppDirectory)} is required: the function app's build output folder.");
        }
        else if (!File.Exists(Path.Combine(AppDirectory, "worker.config.json")))
        {
            failures.Add($"{nameof(AppDirectory)} '{AppDirectory}' holds no worker.config.json: is it a built isolated-worker function app?");
        }

        if (HttpPort is < 0 or > 65535)
        {
            failures.Add($"{nameof(HttpPort)} {HttpPort} is not a TCP port (0 picks a free one).");
        }

        if (StartTimeout <= TimeSpan.Zero || ShutdownGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{nameof(StartTimeout)} must be positive and {nameof(ShutdownGracePeriod)} not negative.");
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid functions test host options: " + string.Join(" ", failures));
        }
    }
}
