using System.Text.Json.Nodes;

namespace CognitoFunctions.FunctionalTests.TestHost;

/// <summary>
/// The start-up conversation with the real worker. A worker package upgrade that changes what the worker
/// advertises or indexes fails here first, loudly, instead of as odd behaviour in other tests.
/// </summary>
[Collection(TestFunctionAppHost.Name)]
public sealed class HandshakeTests(TestFunctionAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    // What Microsoft.Azure.Functions.Worker 2.52.0 advertised when this was written. A change is not
    // necessarily wrong, but it must be looked at: the host's request shape follows these.
    private static readonly string[] KnownCapabilities =
    [
        "EnableUserCodeException",
        "HandlesInvocationCancelMessage",
        "HandlesWorkerTerminateMessage",
        "IncludeEmptyEntriesInMessagePayload",
        "RawHttpBodyBytes",
        "RpcHttpBodyOnly",
        "RpcHttpTriggerMetadataRemoved",
        "TypedDataCollection",
        "UseNullableValueDictionaryForHttp",
        "WorkerStatus",
    ];

    [Fact]
    public void The_worker_advertises_exactly_the_known_capabilities()
    {
        var advertised = Fixture.Host.Handshake.Capabilities.Keys.Order(StringComparer.Ordinal).ToArray();
        Output.WriteLine("advertised: " + string.Join(", ", advertised));

        Assert.Equal(KnownCapabilities.Order(StringComparer.Ordinal), advertised);
        Assert.All(["UseNullableValueDictionaryForHttp", "RpcHttpBodyOnly", "RawHttpBodyBytes", "RpcHttpTriggerMetadataRemoved"],
            required => Assert.Equal(bool.TrueString, Fixture.Host.Handshake.Capabilities[required], ignoreCase: true));
    }

    [Fact]
    public void Every_function_in_functions_metadata_is_loaded_with_its_route_and_methods_but_those_the_host_refuses()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture.AppDirectory, "functions.metadata")))!.AsArray();
        var expected = metadata
            .Where(f => !Fixture.Host.Handshake.FunctionErrors.ContainsKey(f!["name"]!.GetValue<string>()))
            .Select(f =>
            {
                var trigger = f!["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;
                return (
                    Name: f["name"]!.GetValue<string>(),
                    Route: "api/" + trigger["route"]!.GetValue<string>(),
                    Methods: string.Join(",", trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>())));
            }).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

        var loaded = Fixture.Host.Handshake.Functions
            .Select(f => (f.Name, Route: f.RouteTemplate!, Methods: string.Join(",", f.Methods!)))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(metadata.Count, expected.Count + Fixture.Host.Handshake.FunctionErrors.Count);
        Assert.Equal(expected, loaded);
        Assert.All(Fixture.Host.Handshake.Functions, f => Assert.False(string.IsNullOrEmpty(f.FunctionId)));
    }

    [Fact]
    public void The_worker_reports_its_version_and_runtime()
    {
        Assert.StartsWith("2.52.", Fixture.Host.Handshake.WorkerVersion, StringComparison.Ordinal);
        Assert.StartsWith("10.", Fixture.Host.Handshake.RuntimeVersion, StringComparison.Ordinal);
        Assert.True(Fixture.Host.WorkerProcessId > 0);
    }
}
