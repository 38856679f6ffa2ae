using System.Globalization;
using CognitoFunctions.Testing.FunctionsHost;

namespace CognitoFunctions.LocalRun;

/// <summary>The app served in this process by tools/FunctionsTestHost, the emulator of the Functions host.</summary>
internal sealed class TestHostApp(FunctionsTestHost host) : IRunningApp
{
    private readonly TaskCompletionSource _never = new();

    public Uri BaseAddress => host.BaseAddress;

    // The test host keeps serving (with 500s) if the worker dies, as the real host would try to restart it.
    public Task Exited => _never.Task;

    /// <summary>
    /// Starts the worker of the app's build output with the given app settings; the test host serves either HTTP model
    /// (built-in, or ASP.NET Core integration, whose requests it forwards to the worker's own server).
    /// </summary>
    public static async Task<TestHostApp> StartAsync(ServedApp served, int port, IReadOnlyDictionary<string, string> appSettings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(served);
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = served.BuildOutput,
            HttpPort = port,
            Log = Console.Out.WriteLine,
        };
        foreach (var (name, value) in appSettings)
        {
            options.AppSettings[name] = value;
        }

        try
        {
            var host = await FunctionsTestHost.StartAsync(options, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[local-run] worker pid {host.WorkerProcessId}: {host.Handshake.Functions.Count} functions loaded after {host.FunctionsLoadedAfter.TotalMilliseconds:0} ms"));
            return new TestHostApp(host);
        }
        catch (FunctionsHostStartException ex)
        {
            throw new LocalRunException(ex.Stage == StartStage.Listen
                ? $"The app could not listen: {ex.Reason.TrimEnd('.')}. Is port {port} taken (another run, or func start)? Choose another with --port."
                : ex.Message, ex);
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
