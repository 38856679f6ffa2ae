using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>tests/TestFunctionApp served by the test host, configured against cognito-local.</summary>
public sealed class TestFunctionAppFixture : FunctionAppFixture
{
    protected override string AppProject => "tests/TestFunctionApp";
}
