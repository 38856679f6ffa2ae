using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app trusting a JWKS of keys the tests generated: key A at start, then rotated to B.</summary>
public class KeyRotationAppFixture : JwksServerAppFixture
{
    internal TokenSigner KeyA { get; } = TokenSigner.Generate("rotation-key-a");

    internal TokenSigner KeyB { get; } = TokenSigner.Generate("rotation-key-b");

    protected override Task<string> InitialJwksAsync() => Task.FromResult(TokenSigner.Jwks(KeyA));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        KeyA.Dispose();
        KeyB.Dispose();
    }
}
