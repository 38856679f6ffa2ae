using System.Diagnostics;
using System.Globalization;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The worker process: <c>dotnet &lt;App&gt;.dll</c> with the host's arguments and environment, its console output
/// forwarded to the log. On Unix it runs under a small <c>sh</c> watchdog that holds a pipe from this process:
/// when this process ends in any way, even killed, the pipe closes and the watchdog kills the worker, so a
/// killed test run leaves no worker behind.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const string WorkerPidMarker = "FUNCTIONS_TEST_HOST_WORKER_PID ";

    // $0 is the script name, "$@" the worker command. fd 3 keeps the pipe from the host: an asynchronous list
    // would otherwise get /dev/null as its input. The worker gets neither, and the watchdog none of the output
    // pipes (the host reads those to their end). Ctrl+C in a terminal reaches the whole process group: the
    // shell ignores it and stays to report the worker's exit, and the worker, started in the background,
    // ignores it too and is stopped by the host with WorkerTerminate, as the real host does.
    private const string WatchdogScript =
        """
        trap '' INT QUIT
        exec 3<&0
        "$@" </dev/null 3<&- &
        worker=$!
        echo "FUNCTIONS_TEST_HOST_WORKER_PID $worker" >&2
        (read -r _ <&3; kill -KILL "$worker" 2>/dev/null) >/dev/null 2>&1 &
        watchdog=$!
        exec 3<&-
        wait "$worker"
        status=$?
        kill "$watchdog" 2>/dev/null
        exit "$status"
        """;

    private readonly Process _process;
    private readonly HostLog _log;
    private readonly TaskCompletionSource<int> _workerPid = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, HostLog log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Completes with the exit code when the process has ended (not waiting for its output to drain).</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>The worker's own process id (not the watchdog's).</summary>
    public Task<int> WorkerProcessId => _workerPid.Task;

    public static WorkerProcess Start(string dotnet, FunctionAppFolder app, int grpcPort, IReadOnlyDictionary<string, string> environment, HostLog log)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var port = grpcPort.ToString(CultureInfo.InvariantCulture);
        string[] command =
        [
            dotnet, Path.Combine(app.Directory, app.WorkerPath),
            // The old argument names cost nothing; the .NET worker reads the --functions-* ones.
            "--host", "127.0.0.1", "--port", port, "--workerId", workerId, "--requestId", requestId,
            "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", $"http://127.0.0.1:{port}/", "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", "2147483647",
        ];

        var useWatchdog = !OperatingSystem.IsWindows();
        var startInfo = new ProcessStartInfo(useWatchdog ? "/bin/sh" : command[0])
        {
            WorkingDirectory = app.Directory,
            RedirectStandardInput = useWatchdog,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useWatchdog)
        {
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(WatchdogScript);
            startInfo.ArgumentList.Add("functions-worker-watchdog");
        }

        foreach (var argument in useWatchdog ? command : command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, log);
        process.Exited += (_, _) => worker._exited.TrySetResult(process.ExitCode);
        process.Start();
        if (!useWatchdog)
        {
            worker._workerPid.TrySetResult(process.Id);
        }

        process.OutputDataReceived += (_, e) => worker.OnOutput(e.Data, "stdout");
        process.ErrorDataReceived += (_, e) => worker.OnOutput(e.Data, "stderr");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>After the process exited: waits (up to <paramref name="limit"/>) until its last output lines are logged.</summary>
    public async Task DrainOutputAsync(TimeSpan limit)
    {
        try
        {
            // Unlike the Exited event, this waits for the end of the redirected output.
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Waits up to <paramref name="gracePeriod"/> for the process to exit, then kills it with its children.</summary>
    public async Task<WorkerExit> StopAsync(TimeSpan gracePeriod)
    {
        try
        {
            return new WorkerExit(await Exited.WaitAsync(gracePeriod), Killed: false);
        }
        catch (TimeoutException)
        {
            _log.Write($"[host] the worker did not exit within {gracePeriod.TotalSeconds:0.#} s of WorkerTerminate; killing it");
            Kill();
            return new WorkerExit(await Exited, Killed: true);
        }
    }

    /// <summary>Kills the worker (and the watchdog) by process id. Safe to call from a process-exit handler.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnOutput(string? line, string stream)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(WorkerPidMarker, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(WorkerPidMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            _workerPid.TrySetResult(pid);
            return;
        }

        _log.Write($"[worker {stream}] {line}");
    }
}
