using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.IntegrationTests;

public sealed class CognitoLocalServerTests
{
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Two_servers_run_side_by_side_with_their_own_port_and_data()
    {
        await using var first = await CognitoLocalServer.StartAsync();
        await using var second = await CognitoLocalServer.StartAsync();

        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        Assert.NotEqual(first.DataDirectory, second.DataDirectory);
        Assert.All([first.Endpoint, second.Endpoint], endpoint => Assert.Equal("127.0.0.1", endpoint.Host));
    }

    [Fact]
    public async Task Disposing_stops_the_process_and_removes_the_temporary_data()
    {
        var server = await CognitoLocalServer.StartAsync();
        using var process = Process.GetProcessById(server.ProcessId);

        await server.DisposeAsync();

        Assert.True(process.WaitForExit(ExitBound), "cognito-local still runs after dispose");
        Assert.False(Directory.Exists(server.DataDirectory));
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.Endpoint, "health")));
        await server.DisposeAsync(); // A second dispose (fixture and `await using` both) is harmless.
    }

    [Fact]
    public async Task A_given_port_is_used_and_a_given_data_directory_outlives_the_server()
    {
        using var dataDirectory = new TemporaryFolder("cognito-local-kept-");
        var port = LoopbackPort.Free();

        string poolId;
        await using (var first = await CognitoLocalServer.StartAsync(dataDirectory: dataDirectory.Path, port: port))
        {
            Assert.Equal(port, first.Endpoint.Port);
            using var http = new HttpClient();
            poolId = (await new RawCognitoApi(http, first.Endpoint).CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "kept" }))["UserPool"]!["Id"]!.GetValue<string>();
        }

        Assert.True(Directory.Exists(dataDirectory.Path));
        await using var second = await CognitoLocalServer.StartAsync(dataDirectory: dataDirectory.Path);
        using var client = new HttpClient();
        var pool = await new RawCognitoApi(client, second.Endpoint).CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = poolId });
        Assert.Equal("kept", pool["UserPool"]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_server_stops_by_itself_when_the_process_that_started_it_is_gone()
    {
        // A stand-in for a test run that is killed before it can dispose anything.
        using var parent = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        using var dataDirectory = new TemporaryFolder("cognito-local-orphan-");
        var startInfo = NodeProcess.CreateStartInfo("cognito-local.cjs", [], dataDirectory.Path);
        startInfo.Environment["COGNITO_LOCAL_PARENT_PID"] = parent.Id.ToString(CultureInfo.InvariantCulture);
        using var server = Process.Start(startInfo)!;
        try
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(ExitBound);
            Assert.StartsWith("COGNITO_LOCAL_LISTENING ", line, StringComparison.Ordinal);

            parent.Kill();
            await parent.WaitForExitAsync();

            using var bound = new CancellationTokenSource(ExitBound);
            await server.WaitForExitAsync(bound.Token);
            Assert.True(server.HasExited);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            if (!parent.HasExited)
            {
                parent.Kill();
            }
        }
    }
}
