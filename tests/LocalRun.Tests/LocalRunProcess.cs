using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>
/// The local run as its own process (the built tools/LocalRun, as scripts/run-local.sh starts it): its output read
/// line by line, stopped with SIGINT as Ctrl+C stops it, killed on disposal if it is still running.
/// </summary>
internal sealed partial class LocalRunProcess : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private LocalRunProcess(Process process) => _process = process;

    /// <summary>Every line the run (and anything it started on the same output) wrote so far.</summary>
    public List<string> Output { get; } = [];

    public int ExitCode => _process.ExitCode;

    /// <summary>The port of the "… is running at http://127.0.0.1:N/api/" line.</summary>
    public int AppPort => int.Parse(RunningAt().Match(string.Join('\n', Output)).Groups[2].Value, CultureInfo.InvariantCulture);

    /// <summary>The process id of the app's worker under the functions test host, from the run's line about it.</summary>
    public int WorkerProcessId => int.Parse(WorkerLine().Match(string.Join('\n', Output)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>cognito-local's process id and endpoint, from the run's line about it.</summary>
    public (int ProcessId, string Endpoint) CognitoLocal
    {
        get
        {
            var match = CognitoLocalLine().Match(string.Join('\n', Output));
            return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
        }
    }

    /// <summary>Starts the run with <paramref name="arguments"/>; <paramref name="environment"/> adds to or replaces its variables.</summary>
    public static LocalRunProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var runner = Path.Combine(FunctionAppBuildOutput.ProjectOutput("tools/LocalRun", typeof(LocalRunProcess).Assembly), "LocalRun.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(runner);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return new LocalRunProcess(Process.Start(startInfo)!);
    }

    /// <summary>Whether one of the lines says the app is running.</summary>
    public static bool SaysRunning(List<string> lines) => lines.Exists(RunningAt().IsMatch);

    /// <summary>Collects the output until <paramref name="done"/> holds; fails if the run ends first.</summary>
    public async Task ReadUntilAsync(Func<List<string>, bool> done)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (await _process.StandardOutput.ReadLineAsync(bound.Token) is { } read)
        {
            Output.Add(read);
            if (done(Output))
            {
                return;
            }
        }

        Assert.Fail($"The runner ended too early:\n{string.Join('\n', Output)}\n{await _process.StandardError.ReadToEndAsync(bound.Token)}");
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and collects the output until the run exits.</summary>
    public async Task InterruptAsync()
    {
        using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var bound = new CancellationTokenSource(Bound);
        while (await _process.StandardOutput.ReadLineAsync(bound.Token) is { } read)
        {
            Output.Add(read);
        }

        await _process.WaitForExitAsync(bound.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"(\S+) is running at http://127.0.0.1:(\d+)/api/")]
    private static partial Regex RunningAt();

    [GeneratedRegex(@"\[local-run\] worker pid (\d+): ")]
    private static partial Regex WorkerLine();

    [GeneratedRegex(@"cognito-local pid (\d+) at (http://\S+) ")]
    private static partial Regex CognitoLocalLine();
}
