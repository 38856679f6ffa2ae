using CognitoFunctions.Testing.FunctionsHost.Fixtures;

namespace CognitoFunctions.FunctionalTests;

/// <summary>tests/TestAspNetFunctionApp (ASP.NET Core integration mode) served by the test host; no Cognito.</summary>
public sealed class TestAspNetFunctionAppFixture : FunctionAppFixture
{
    protected override string AppProject => "tests/TestAspNetFunctionApp";
}
