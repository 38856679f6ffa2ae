using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.LocalRun.Tests;

/// <summary>
/// The local run serving another app than CognitoFunctions (<c>--app</c>): here tests/TestAspNetFunctionApp, in ASP.NET
/// Core integration mode, under the functions test host, with cognito-local and the pool's settings as for the app.
/// </summary>
public sealed class OtherAppRunTests
{
    [Fact]
    public async Task With_app_the_test_host_serves_an_ASP_NET_Core_integration_app_which_answers_forwarded_requests_until_Ctrl_C()
    {
        var output = FunctionAppBuildOutput.Locate("tests/TestAspNetFunctionApp", typeof(OtherAppRunTests).Assembly);
        using var run = LocalRunProcess.Start(["--temp", "--test-host", "--app", output]);

        await run.ReadUntilAsync(LocalRunProcess.SaysRunning);

        Assert.Contains($"[local-run] --app: serving TestAspNetFunctionApp from its build output {output}", run.Output);
        Assert.Contains($"[local-run] TestAspNetFunctionApp is running at http://127.0.0.1:{run.AppPort}/api/", run.Output);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.AppPort}/") };
        using var content = new StringContent("hello from the local run");
        using var response = await http.PostAsync(new Uri("api/echo?who=local-run", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        var echo = JsonNode.Parse(body)!;
        Assert.Equal("POST", echo["method"]!.GetValue<string>());
        Assert.Equal("/api/echo", echo["path"]!.GetValue<string>());
        Assert.Equal("local-run", echo["query"]!["who"]!.GetValue<string>());
        Assert.Equal("hello from the local run", echo["body"]!.GetValue<string>());
        Assert.Equal(["POST"], response.Headers.GetValues("X-Echo-Method"));
        var worker = run.WorkerProcessId;

        await run.InterruptAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[local-run] stopped.", run.Output);
        Assert.False(ProcessState.IsRunning(worker), "the app's worker still runs");
        Assert.False(ProcessState.IsRunning(run.CognitoLocal.ProcessId), "cognito-local still runs");
    }
}
