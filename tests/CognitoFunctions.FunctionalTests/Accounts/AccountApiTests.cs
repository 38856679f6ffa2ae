namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>One app and one cognito-local for every account API test class (each test uses its own users).</summary>
[CollectionDefinition(Name)]
public sealed class AccountApiTests : ICollectionFixture<CognitoFunctionsAppFixture>
{
    public const string Name = "Account API";
}
