using System.Net;
using System.Net.Sockets;

namespace CognitoFunctions.Testing.Loopback;

/// <summary>
/// A loopback port borrowed from the system (port 0) and given back at once: for a program that takes a port
/// number rather than 0, or for an address that refuses connections.
/// </summary>
public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An http address on a port that was free a moment ago: nothing listens there, connections are refused.</summary>
    public static Uri ClosedAddress(string path = "") => new($"http://127.0.0.1:{Free()}/{path}");
}
