namespace CognitoFunctions.PackageTests;

/// <summary>The consumer app in ASP.NET Core integration mode (ConsumerApps/AspNetCoreIntegration), as the templates write one.</summary>
public sealed class AspNetCoreConsumerFixture(PackedMiddlewareFixture packed) : ConsumerAppFixture(packed, HttpModel.AspNetCoreIntegration);
