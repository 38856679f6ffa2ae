namespace CognitoFunctions.PackageTests;

/// <summary>The consumer app in the built-in HTTP model (ConsumerApps/BuiltIn), with a token check of its own.</summary>
public sealed class BuiltInConsumerFixture(PackedMiddlewareFixture packed) : ConsumerAppFixture(packed, HttpModel.BuiltIn);
