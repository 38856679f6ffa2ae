
namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app trusting a JWKS of keys the tests generated: key A at start, then rotated to B.</summary>
public class KeyRotationAppFixture : JwksServerAppFixture
{
    internal TestKey KeyA { get; } = new("rotation-key-a");

    internal TestKey KeyB { get; } = new("rotation-key-b");

    protected override Task<string> InitialJwksAsync() => Task.FromResult(Testing.Tokens.Jwks.Of(KeyA));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        KeyA.Dispose();
        KeyB.Dispose();
    }
}
