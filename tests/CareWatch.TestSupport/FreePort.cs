using System.Net;
using System.Net.Sockets;

namespace CareWatch.TestSupport;

/// <summary>Finds loopback ports that nothing listens on, so parallel tests never collide.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
