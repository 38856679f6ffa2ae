using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>The real app, src/CognitoFunctions, served by the test host and configured against cognito-local.</summary>
public sealed class CognitoFunctionsAppFixture : FunctionAppFixture
{
    protected override string AppProject => "src/CognitoFunctions";
}
