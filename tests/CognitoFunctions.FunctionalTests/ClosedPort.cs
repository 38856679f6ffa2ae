using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.FunctionalTests;

/// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
internal static class ClosedPort
{
    /// <summary>An http address on a port that was free a moment ago and is closed again.</summary>
    public static Uri Address(string path = "") => LoopbackPort.ClosedAddress(path);
}
