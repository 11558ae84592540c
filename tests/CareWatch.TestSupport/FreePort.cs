using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CareWatch.TestSupport;

/// <summary>
/// Finds loopback ports that nothing listens on, so parallel tests never collide. Ports come from below the
/// kernel's ephemeral range (32768 and up), where outgoing connections — database, MQTT and HTTP clients of
/// the tests themselves — take their local ports; a port the OS just handed out there can be taken by such a
/// connection before the server binds it. A port is never handed out twice in one test process.
/// </summary>
public static class FreePort
{
    private const int First = 20000, Last = 32700;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A port that was free a moment ago and that this process has not used before.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!HandedOut.TryAdd(port, true)) continue;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use by someone else: try another.
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
