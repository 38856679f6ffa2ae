namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>A harness whose keys are loaded, shared by the tests of a class that do not move its clock.</summary>
public sealed class LoadedHarnessFixture : IAsyncLifetime
{
    public AuthHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await AuthHarness.StartAsync();
        await Harness.LoadKeysAsync();
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
