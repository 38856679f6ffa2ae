using System.Runtime.InteropServices;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// The local run, step by step: lock the data directory, start cognito-local on it, provision or reuse the pool,
/// make the requested admins, write local.settings.json, serve the app, and on Ctrl+C (SIGINT) or SIGTERM stop
/// everything it started, in reverse order. Each step says what it did, in lines starting <c>[local-run]</c>.
/// </summary>
internal static class LocalRunCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (!LocalRunOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"run-local: {error}\n\n{LocalRunOptions.Usage}");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(LocalRunOptions.Usage);
            return 0;
        }

        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await RunAsync(options, stopping.Token);
            Say("stopped.");
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Say("stopped before the app was up.");
            return 0;
        }
        catch (LocalRunException ex)
        {
            await Console.Error.WriteLineAsync($"[local-run] {ex.Message}");
            return 1;
        }

        void Stop(PosixSignalContext context)
        {
            // The first signal stops in order; a second one while stopping ends the process at once (the
            // children's own watchdogs then stop cognito-local and the worker).
            context.Cancel = !stopping.IsCancellationRequested;
            stopping.Cancel();
        }
    }

    private static async Task RunAsync(LocalRunOptions options, CancellationToken stopping)
    {
        // A wrong --app is refused before anything starts.
        var served = options.AppDirectory is null ? ServedApp.Default : ServedApp.FromBuildOutput(options.AppDirectory);
        using var data = DataDirectory.Open(options);
        if (options.Reset)
        {
            data.Reset();
            Say($"--reset: removed the pool and its users from {data.Path}");
        }

        await using var cognito = await StartCognitoLocalAsync(data, options.CognitoPort, stopping);
        Say($"cognito-local pid {cognito.ProcessId} at {cognito.Endpoint} (data: {data.Path}{(data.IsTemporary ? ", deleted on exit" : "")})");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new RawCognitoApi(http, cognito.Endpoint);
        var outcome = await LocalPool.EnsureAsync(api, cognito.Endpoint, data.StateFile, RepositoryLayout.AwsCognitoTemplate, stopping);
        ReportPool(outcome, data);

        foreach (var email in options.Admins)
        {
            Say(await AdminMembership.TryAddAsync(api, outcome.Pool, email, stopping)
                ? $"{email} is in the '{AdminMembership.GroupName}' group: log in again for tokens that carry it{(served.GivenBuildOutput is null ? " (GET /api/users requires it)" : "")}."
                : $"--admin: no user {email} in the pool yet. Sign up first (README, Walkthrough), then run again with --admin {email}.");
        }

        var settingsPath = Path.Combine(data.IsTemporary ? data.Path : served.SettingsDirectory, "local.settings.json");
        var settings = LocalSettingsFile.Apply(RepositoryLayout.LocalSettingsSample, settingsPath, outcome.Pool.AppSettings(cognito.Endpoint));
        ReportSettings(settings);

        if (options.TelemetryConsole)
        {
            Say("--telemetry console: the app prints its spans, metrics and logs here.");
        }

        if (options.OtlpEndpoint is not null)
        {
            Say($"--otlp: the app exports its spans, metrics and logs to {options.OtlpEndpoint} (http/protobuf).");
        }

        await using var app = await StartAppAsync(options, served, options.AppSettings(settings.Values), stopping);
        Say($"{served.Name} is running at {new Uri(app.BaseAddress, "api/")}");
        Say("Ctrl+C stops the app, its worker and cognito-local.");
        await Task.WhenAny(app.Exited, Task.Delay(Timeout.Infinite, stopping));
        Say(app.Exited.IsCompleted ? "the app exited; stopping cognito-local." : "stopping...");
    }

    private static async Task<CognitoLocalServer> StartCognitoLocalAsync(DataDirectory data, int port, CancellationToken stopping)
    {
        try
        {
            return await CognitoLocalServer.StartAsync(LocalPool.Region, data.Path, port, stopping);
        }
        catch (InvalidOperationException ex)
        {
            throw new LocalRunException(ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal)
                ? $"cognito-local cannot listen on port {port}: it is taken (another cognito-local?). Choose another with --cognito-port."
                : ex.Message, ex);
        }
    }

    private static async Task<IRunningApp> StartAppAsync(LocalRunOptions options, ServedApp served, IReadOnlyDictionary<string, string> appSettings, CancellationToken stopping)
    {
        if (options.AppDirectory is not null)
        {
            Say($"--app: serving {served.Name} from its build output {served.FuncDirectory}");
        }

        if (!options.ForceTestHost && CoreToolsApp.FindFunc() is { } func)
        {
            Say($"Azure Functions Core Tools found ({func}): starting the app with func start.");
            return await CoreToolsApp.StartAsync(func, served, options.AppPort, appSettings, stopping);
        }

        Say(options.ForceTestHost
            ? "--test-host: serving the app with the functions test host (tools/FunctionsTestHost)."
            : "Azure Functions Core Tools (func) is not on PATH: serving the app with the functions test host (tools/FunctionsTestHost).");
        return await TestHostApp.StartAsync(served, options.AppPort, appSettings, stopping);
    }

    private static void ReportPool(PoolOutcome outcome, DataDirectory data)
    {
        var pool = outcome.Pool;
        var names = $"user pool {pool.UserPoolId}, app client {pool.ClientId}, groups [{string.Join(", ", pool.Groups)}]";
        Say(outcome.Origin switch
        {
            PoolOrigin.Reused => $"reusing {names} with their users (recorded in {data.StateFile})",
            PoolOrigin.ReplacedMissing => $"the recorded pool {outcome.PreviousUserPoolId} is gone from cognito-local: provisioned {names} from aws-cognito.yaml",
            _ => $"provisioned {names} from aws-cognito.yaml",
        });
        if (outcome.TemplateChanged)
        {
            Say("note: aws-cognito.yaml changed since this pool was provisioned. --reset provisions it anew (its users are lost).");
        }
    }

    private static void ReportSettings(SettingsOutcome settings)
    {
        switch (settings.Write)
        {
            case SettingsWrite.Created:
                Say($"wrote {settings.Path} from local.settings.sample.json with the pool's values");
                break;
            case SettingsWrite.Updated:
                Say($"updated {settings.Path} (the run manages the Cognito__ values naming the pool; your other settings are kept):");
                foreach (var change in settings.Changes)
                {
                    Say($"  {change}");
                }

                break;
            default:
                Say($"{settings.Path} already points at this pool");
                break;
        }
    }

    private static void Say(string line) => Console.WriteLine($"[local-run] {line}");
}
