using System.Globalization;
using System.Runtime.InteropServices;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// <c>dotnet run --project tools/FunctionsTestHost -- &lt;app build folder&gt; [--port 7071]</c>: serves a built function
/// app without Core Tools until Ctrl+C. App settings come from the folder's local.settings.json <c>Values</c>
/// (when present); the worker also inherits this process's environment.
/// </summary>
internal static class ConsoleHost
{
    private const string Usage = "usage: FunctionsTestHost <app build folder> [--port <port>]   (port 0 picks a free one; default 7071)";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var appDirectory, out var port))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = new FunctionsTestHostOptions
        {
            AppDirectory = appDirectory,
            HttpPort = port,
            Log = line => Console.Out.WriteLine(line),
        };
        var localSettings = Path.Combine(appDirectory, "local.settings.json");
        foreach (var (name, value) in File.Exists(localSettings) ? LocalSettings.ReadValues(localSettings) : new Dictionary<string, string>())
        {
            options.AppSettings[name] = value;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        FunctionsTestHost host;
        try
        {
            host = await FunctionsTestHost.StartAsync(options);
        }
        catch (Exception ex) when (ex is FunctionsHostStartException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        await using (host)
        {
            Console.WriteLine($"Worker PID {host.WorkerProcessId}, worker {host.Handshake.WorkerVersion}, functions loaded after {host.FunctionsLoadedAfter.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms.");
            foreach (var function in host.Handshake.Functions)
            {
                var methods = function.Methods is null ? "ALL" : string.Join(",", function.Methods).ToUpperInvariant();
                Console.WriteLine(function.RouteTemplate is null
                    ? $"  {function.Name} (not HTTP-triggered)"
                    : $"  {function.Name}: {methods} {host.BaseAddress}{function.RouteTemplate}");
            }

            foreach (var (name, error) in host.Handshake.FunctionErrors)
            {
                Console.WriteLine($"  {name}: not loaded, in error: {error}");
            }

            Console.WriteLine($"Listening on {host.BaseAddress} - Ctrl+C stops.");
            await stop.Task;
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static bool TryParse(string[] args, out string appDirectory, out int port)
    {
        appDirectory = "";
        port = 7071;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port):
                    i++;
                    break;
                case var arg when !arg.StartsWith('-') && appDirectory.Length == 0:
                    appDirectory = arg;
                    break;
                default:
                    return false;
            }
        }

        return appDirectory.Length > 0;
    }
}
