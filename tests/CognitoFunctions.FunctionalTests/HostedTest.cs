using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>A test against a shared host: the host's and worker's log lines go to this test's output.</summary>
public abstract class HostedTest : IDisposable
{
    protected HostedTest(FunctionAppFixture fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Output = output;
        fixture.Log.Attach(output);
    }

    protected FunctionAppFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }

    protected HttpClient Client => Fixture.Client;

    public void Dispose()
    {
        Fixture.Log.Detach();
        GC.SuppressFinalize(this);
    }
}
