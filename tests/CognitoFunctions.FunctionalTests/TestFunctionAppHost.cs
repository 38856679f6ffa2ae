namespace CognitoFunctions.FunctionalTests;

/// <summary>One TestFunctionApp host shared by every test class of the collection.</summary>
[CollectionDefinition(Name)]
public sealed class TestFunctionAppHost : ICollectionFixture<TestFunctionAppFixture>
{
    public const string Name = "TestFunctionApp";
}
