using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>A test of the app behind the fault-injecting proxy with short timeouts: one Cognito call fails, the rest is real.</summary>
public abstract class FaultProxyTest(ShortTimeoutFaultAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    protected CognitoFaultProxy Proxy => ((ShortTimeoutFaultAppFixture)Fixture).Proxy;

    /// <summary>Only the first call of <paramref name="operation"/> that <paramref name="when"/> matches fails; later ones reach cognito-local.</summary>
    protected IDisposable FailFirst(string operation, FaultKind kind, Func<JsonObject, bool> when)
    {
        var calls = 0;
        return Proxy.Fail(operation, kind.ToFault(), body => when(body) && Interlocked.Increment(ref calls) == 1);
    }

    /// <summary>How many calls of <paramref name="operation"/> matching <paramref name="when"/> the proxy received.</summary>
    protected int Calls(string operation, Func<JsonObject, bool> when) => Proxy.Requests.Count(c => c.Operation == operation && when(c.Body));

    protected static string? Username(JsonObject body) => body["Username"]?.GetValue<string>();
}
