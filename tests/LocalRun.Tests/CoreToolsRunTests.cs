using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>
/// The local run when Core Tools is installed. Core Tools cannot be installed on these machines, so a stand-in
/// <c>func</c> on PATH records how it was started, answers HTTP on its port and stops on SIGINT as func does;
/// everything else is real: the runner process, cognito-local and the signal.
/// </summary>
public sealed partial class CoreToolsRunTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Like func: serves the app's routes on the given port (only the readiness probe's answer) and stops on SIGINT.
    private const string FakeFunc =
        """
        #!/usr/bin/env node
        const fs = require('fs');
        const http = require('http');
        const record = process.env.FAKE_FUNC_RECORD;
        const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
        fs.writeFileSync(record, [
          `args: ${process.argv.slice(2).join(' ')}`,
          `cwd: ${process.cwd()}`,
          `pool: ${process.env.Cognito__UserPoolId}`,
          `serviceUrl: ${process.env.Cognito__ServiceUrl}`,
        ].join('\n') + '\n');
        const server = http.createServer((req, res) => {
          res.statusCode = req.method === 'GET' && req.url === '/api/health' ? 200 : 404;
          res.end();
        });
        server.listen(port, '127.0.0.1', () => console.log('FAKE_FUNC_READY'));
        process.on('SIGINT', () => {
          fs.appendFileSync(record, 'stopped by SIGINT\n');
          process.exit(0);
        });
        """;

    private readonly TemporaryFolder _directory = new("fake-func-");

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task With_func_on_PATH_the_run_uses_func_start_with_the_pool_settings_and_Ctrl_C_stops_func_and_cognito_local()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory.Path, "bin"));
        var func = Path.Combine(bin.FullName, "func");
        File.WriteAllText(func, FakeFunc.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(func, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var record = Path.Combine(_directory.Path, "func-record.txt");

        var runner = Path.Combine(FunctionAppBuildOutput.ProjectOutput("tools/LocalRun", typeof(CoreToolsRunTests).Assembly), "LocalRun.dll");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(runner);
        startInfo.ArgumentList.Add("--temp");
        startInfo.Environment["PATH"] = bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        startInfo.Environment["FAKE_FUNC_RECORD"] = record;
        using var process = Process.Start(startInfo)!;
        var output = new List<string>();
        try
        {
            // The stand-in and the runner write to one output in either order.
            await ReadUntilAsync(process, output, lines => lines.Contains("FAKE_FUNC_READY") && lines.Exists(RunningAt().IsMatch));

            var text = string.Join('\n', output);
            Assert.Contains($"[local-run] Azure Functions Core Tools found ({func}): starting the app with func start.", output);
            var port = int.Parse(RunningAt().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var cognitoLocal = CognitoLocalLine().Match(text);
            var lines = File.ReadAllLines(record);
            Assert.Equal($"args: start --port {port}", lines[0]);
            Assert.Equal($"cwd: {Path.Combine(RepositoryLayout.Root, "src", "CognitoFunctions")}", lines[1]);
            Assert.StartsWith("pool: local_", lines[2], StringComparison.Ordinal);
            Assert.Equal($"serviceUrl: {cognitoLocal.Groups[2].Value}", lines[3]);
            Assert.NotEqual(0, port);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var bound = new CancellationTokenSource(Bound);
            await ReadUntilAsync(process, output, null);
            await process.WaitForExitAsync(bound.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.Equal("stopped by SIGINT", File.ReadAllLines(record)[^1]);
            Assert.Contains("[local-run] stopped.", output);
            Assert.False(ProcessState.IsRunning(int.Parse(cognitoLocal.Groups[1].Value, CultureInfo.InvariantCulture)), "cognito-local still runs");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Collects the runner's output until <paramref name="done"/> holds (or to its end when it is null).</summary>
    private static async Task ReadUntilAsync(Process process, List<string> output, Func<List<string>, bool>? done)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (await process.StandardOutput.ReadLineAsync(bound.Token) is { } read)
        {
            output.Add(read);
            if (done?.Invoke(output) == true)
            {
                return;
            }
        }

        Assert.True(done is null, $"The runner ended too early:\n{string.Join('\n', output)}\n{await process.StandardError.ReadToEndAsync(bound.Token)}");
    }

    [GeneratedRegex(@"CognitoFunctions is running at http://127.0.0.1:(\d+)/api/")]
    private static partial Regex RunningAt();

    [GeneratedRegex(@"cognito-local pid (\d+) at (http://\S+) ")]
    private static partial Regex CognitoLocalLine();
}
