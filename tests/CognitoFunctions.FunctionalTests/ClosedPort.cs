using System.Net;
using System.Net.Sockets;

namespace CognitoFunctions.FunctionalTests;

/// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
internal static class ClosedPort
{
    /// <summary>An http address on a port that was free a moment ago and is closed again.</summary>
    public static Uri Address(string path = "")
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return new Uri($"http://127.0.0.1:{port}/{path}");
    }
}
