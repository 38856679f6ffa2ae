using System.Runtime.Versioning;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>
/// The local run when Core Tools is installed. Core Tools cannot be installed on these machines, so a stand-in
/// <c>func</c> on PATH records how it was started and what it was asked, answers HTTP on its port and stops on
/// SIGINT as func does; everything else is real: the runner process, cognito-local and the signal.
/// </summary>
public sealed class CoreToolsRunTests : IDisposable
{
    // Like func: serves the app's routes on the given port (only the readiness probe's answer, 404 elsewhere) and
    // stops on SIGINT.
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
          fs.appendFileSync(record, `request: ${req.method} ${req.url}\n`);
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

    private string Record => _directory.File("func-record.txt");

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task With_func_on_PATH_the_run_uses_func_start_with_the_pool_settings_and_Ctrl_C_stops_func_and_cognito_local()
    {
        using var run = StartWithFakeFunc("--temp");

        await run.ReadUntilAsync(lines => lines.Contains("FAKE_FUNC_READY") && LocalRunProcess.SaysRunning(lines));

        Assert.Contains($"[local-run] Azure Functions Core Tools found ({_directory.File("bin/func")}): starting the app with func start.", run.Output);
        var lines = File.ReadAllLines(Record);
        Assert.Equal($"args: start --port {run.AppPort}", lines[0]);
        Assert.Equal($"cwd: {Path.Combine(RepositoryLayout.Root, "src", "CognitoFunctions")}", lines[1]);
        Assert.StartsWith("pool: local_", lines[2], StringComparison.Ordinal);
        Assert.Equal($"serviceUrl: {run.CognitoLocal.Endpoint}", lines[3]);
        Assert.Equal("request: GET /api/health", lines[4]);
        Assert.NotEqual(0, run.AppPort);

        await run.InterruptAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("stopped by SIGINT", File.ReadAllLines(Record)[^1]);
        Assert.Contains("[local-run] stopped.", run.Output);
        Assert.False(ProcessState.IsRunning(run.CognitoLocal.ProcessId), "cognito-local still runs");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task With_app_func_starts_in_the_apps_build_output_and_any_answer_of_the_host_counts_as_ready()
    {
        // Another app has no /api/health: the stand-in answers 404 at the host's root, which must do.
        var app = Directory.CreateDirectory(_directory.File("app-output"));
        File.WriteAllText(Path.Combine(app.FullName, "worker.config.json"), """{ "description": { "defaultWorkerPath": "OtherApp.dll" } }""");
        using var run = StartWithFakeFunc("--temp", "--app", app.FullName);

        await run.ReadUntilAsync(lines => lines.Contains("FAKE_FUNC_READY") && LocalRunProcess.SaysRunning(lines));

        Assert.Contains($"[local-run] --app: serving OtherApp from its build output {app.FullName}", run.Output);
        Assert.Contains($"[local-run] OtherApp is running at http://127.0.0.1:{run.AppPort}/api/", run.Output);
        var lines = File.ReadAllLines(Record);
        Assert.Equal($"cwd: {app.FullName}", lines[1]);
        Assert.StartsWith("pool: local_", lines[2], StringComparison.Ordinal);
        Assert.Equal("request: GET /", lines[4]);

        await run.InterruptAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("stopped by SIGINT", File.ReadAllLines(Record)[^1]);
    }

    public void Dispose() => _directory.Dispose();

    [UnsupportedOSPlatform("windows")]
    private LocalRunProcess StartWithFakeFunc(params string[] arguments)
    {
        var bin = Directory.CreateDirectory(_directory.File("bin"));
        var func = Path.Combine(bin.FullName, "func");
        File.WriteAllText(func, FakeFunc.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(func, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return LocalRunProcess.Start(arguments, new Dictionary<string, string>
        {
            ["PATH"] = bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_FUNC_RECORD"] = Record,
        });
    }
}
