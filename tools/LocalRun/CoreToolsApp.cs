using System.Diagnostics;
using System.Globalization;
using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.LocalRun;

/// <summary>
/// The app under Azure Functions Core Tools: <c>func start --port N</c> in the project folder, which builds it and
/// runs the real host (or in another app's build output, which it runs as it is). Its output goes straight to the terminal. The settings also go in as environment
/// variables, so a <c>--temp</c> run's values win over the project's own local.settings.json. func gives no
/// signal of readiness on which to wait, so the run probes the app (<see cref="Readiness"/>).
/// </summary>
internal sealed class CoreToolsApp : IRunningApp
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;
    private readonly Task _exited;

    private CoreToolsApp(Process process, Task exited, Uri baseAddress)
    {
        _process = process;
        _exited = exited;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Task Exited => _exited;

    /// <summary>Core Tools' <c>func</c> on PATH, or null.</summary>
    public static string? FindFunc()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "func.cmd", "func.exe" } : ["func"];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Starts func in the app's folder and waits until the app answers (func builds a project folder first).</summary>
    public static async Task<CoreToolsApp> StartAsync(string func, ServedApp served, int port, IReadOnlyDictionary<string, string> appSettings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(served);
        var app = Start(func, served.FuncDirectory, port, appSettings);
        try
        {
            if (!await Readiness.WaitAsync(app.BaseAddress, served.Readiness, app.Exited, StartTimeout, cancellationToken))
            {
                throw new LocalRunException($"func start exited with code {app._process.ExitCode} before the app answered; its output is above.");
            }

            return app;
        }
        catch (TimeoutException ex)
        {
            await app.DisposeAsync();
            throw new LocalRunException($"func start: {ex.Message}", ex);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static CoreToolsApp Start(string func, string directory, int port, IReadOnlyDictionary<string, string> appSettings)
    {
        if (port == 0)
        {
            // func takes a port number, not 0: borrow a free one from the system for the moment.
            port = LoopbackPort.Free();
        }

        var startInfo = new ProcessStartInfo(func)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("start");
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in appSettings)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new LocalRunException($"{func} did not start: {ex.Message}. Give --test-host to use the functions test host instead.", ex);
        }

        Console.WriteLine($"[local-run] func start pid {process.Id}");
        return new CoreToolsApp(process, exited.Task, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// Ctrl+C in a terminal reaches func too; a stop from elsewhere (SIGTERM to this process) is passed on as
    /// SIGINT, func's own way to stop its worker. Whatever is left after the grace period is killed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            await _exited.WaitAsync(GracePeriod);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _exited;
        }
        finally
        {
            _process.Dispose();
        }
    }
}
