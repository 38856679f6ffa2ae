namespace CognitoFunctions.PackageTests;

/// <summary>
/// The tests that need the packed middleware: they share one pack per run (xunit has no assembly fixtures, so a
/// collection stands in), and each consumer app's class fixture receives it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedMiddlewareTests : ICollectionFixture<PackedMiddlewareFixture>
{
    public const string Name = "Packed middleware";
}
