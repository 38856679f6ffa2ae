namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app as configured for production use (default timeouts and retries), on a cognito-local of its own.</summary>
public sealed class LoadAppFixture : CognitoFunctionsAppFixture;
