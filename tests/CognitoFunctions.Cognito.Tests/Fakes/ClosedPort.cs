using System.Net;
using System.Net.Sockets;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>A loopback address nobody listens on: connecting to it is refused, so no request leaves.</summary>
internal static class ClosedPort
{
    public static Uri Address()
    {
        // A port the system just handed out and nobody listens on (the socket never listens, and is released).
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
    }
}
