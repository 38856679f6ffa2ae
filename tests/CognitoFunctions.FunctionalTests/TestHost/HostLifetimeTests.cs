using System.Diagnostics;
using System.Globalization;
using System.Net;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>Starting and stopping the worker, cleanly and otherwise.</summary>
public sealed class HostLifetimeTests(ITestOutputHelper output)
{
    private static string TestApp => FunctionAppBuildOutput.Locate("tests/TestFunctionApp", typeof(HostLifetimeTests).Assembly);

    [Fact]
    public async Task Stopping_the_host_terminates_the_worker_which_exits_by_itself()
    {
        var started = Stopwatch.GetTimestamp();
        var host = await FunctionsTestHost.StartAsync(new FunctionsTestHostOptions { AppDirectory = TestApp, Log = output.WriteLine });
        int workerPid;
        await using (host)
        {
            workerPid = host.WorkerProcessId;
            using var client = host.CreateClient();
            using var response = await client.GetAsync("/api/things");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            output.WriteLine($"start -> functions loaded {host.FunctionsLoadedAfter.TotalMilliseconds:0} ms, -> first response {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }

        Assert.Equal(new WorkerExit(0, Killed: false), host.WorkerExit);
        Assert.False(ProcessState.IsRunning(workerPid));
    }

    [Fact]
    public async Task Requests_to_a_worker_that_died_get_a_bare_500()
    {
        await using var host = await FunctionsTestHost.StartAsync(new FunctionsTestHostOptions { AppDirectory = TestApp, Log = output.WriteLine });
        using var client = host.CreateClient();
        using var worker = Process.GetProcessById(host.WorkerProcessId);

        worker.Kill();
        await worker.WaitForExitAsync();
        using var response = await client.GetAsync("/api/things");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_killed_host_process_takes_its_worker_with_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The watchdog is Unix-only; on Windows only a clean exit stops the worker.
        }

        var console = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        console.ArgumentList.Add(Path.Combine(FunctionAppBuildOutput.ProjectOutput("tools/FunctionsTestHost", typeof(HostLifetimeTests).Assembly), "FunctionsTestHost.dll"));
        console.ArgumentList.Add(TestApp);
        console.ArgumentList.Add("--port");
        console.ArgumentList.Add("0");
        using var host = Process.Start(console)!;
        Process? worker = null;
        try
        {
            worker = Process.GetProcessById(await WorkerPidFromOutput(host));

            host.Kill(); // SIGKILL: no handler of the host runs.

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await worker.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            // Once the host is dead the worker is re-parented and the tree kill above no longer reaches it:
            // a failed watchdog must not leave it running.
            if (worker is not null)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_real_app_without_its_cognito_settings_fails_the_start_and_the_error_says_why()
    {
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(HostLifetimeTests).Assembly),
            Log = output.WriteLine,
        };
        // Explicitly empty, whatever this process's environment holds.
        foreach (var name in new[] { "Region", "UserPoolId", "ClientId" })
        {
            options.AppSettings[$"Cognito__{name}"] = "";
        }

        var error = await Assert.ThrowsAsync<FunctionsHostStartException>(() => FunctionsTestHost.StartAsync(options));

        Assert.Equal(StartStage.Connect, error.Stage);
        Assert.Contains("exited", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Cognito__UserPoolId", error.WorkerOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cognito", "ClientSecrt")]
    [InlineData("Aws", "RoleArm")]
    [InlineData("Accounts", "GlobalSignoutOnLogut")]
    [InlineData("CognitoAuth", "ClockSkw")]
    public async Task The_real_app_with_a_misspelt_setting_refuses_to_start_naming_it(string section, string misspelt)
    {
        var options = new FunctionsTestHostOptions
        {
            AppDirectory = FunctionAppBuildOutput.Locate("src/CognitoFunctions", typeof(HostLifetimeTests).Assembly),
            Log = output.WriteLine,
        };
        // Valid settings otherwise: the worker stops before it would call anything.
        options.AppSettings["Cognito__Region"] = "eu-west-1";
        options.AppSettings["Cognito__UserPoolId"] = "eu-west-1_AbCdEf123";
        options.AppSettings["Cognito__ClientId"] = "1example23456789abcdefghij";
        options.AppSettings[$"{section}__{misspelt}"] = "30";

        var error = await Assert.ThrowsAsync<FunctionsHostStartException>(() => FunctionsTestHost.StartAsync(options));

        Assert.Equal(StartStage.Connect, error.Stage);
        Assert.Contains($"{section}__{misspelt} is not a setting of the {section} section", error.WorkerOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_built_app_is_refused_before_anything_starts()
    {
        var options = new FunctionsTestHostOptions { AppDirectory = Path.GetTempPath() };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => FunctionsTestHost.StartAsync(options));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
    }

    private static async Task<int> WorkerPidFromOutput(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("Worker PID ", StringComparison.Ordinal))
            {
                return int.Parse(line["Worker PID ".Length..].Split(',')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("The console host ended without starting the worker: " + await host.StandardError.ReadToEndAsync());
    }
}
