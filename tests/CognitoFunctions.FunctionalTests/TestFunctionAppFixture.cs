using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>tests/TestFunctionApp served by the test host; it has no Cognito code, so no cognito-local runs for it.</summary>
public sealed class TestFunctionAppFixture : FunctionAppFixture
{
    protected override string AppProject => "tests/TestFunctionApp";
}
