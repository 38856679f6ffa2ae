namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app fetching cognito-local's own JWKS document through a JWKS server the tests can take down.</summary>
public sealed class JwksOutageAppFixture : JwksServerAppFixture
{
    protected override Task<string> InitialJwksAsync() => Cognito.Http.GetStringAsync(Cognito.Pool.JwksUri);
}
