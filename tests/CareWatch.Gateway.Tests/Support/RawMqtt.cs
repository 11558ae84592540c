using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>A hostile client: MQTT bytes written by hand over TLS, to send what no MQTT library would.</summary>
public sealed class RawMqtt : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private RawMqtt(TcpClient tcp, SslStream tls) => (_tcp, Tls) = (tcp, tls);

    public SslStream Tls { get; }

    /// <summary>Opens a TLS connection to the gateway's MQTT port (the certificate is not checked).</summary>
    public static async Task<RawMqtt> OpenAsync(GatewayHost host)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Port);
        var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" });
        return new RawMqtt(tcp, tls);
    }

    /// <summary>The user name IoT Hub expects of <paramref name="deviceId"/>.</summary>
    public static string UserName(string deviceId) => $"{GatewayHost.HostName}/{deviceId}/?api-version=2021-04-12";

    /// <summary>A CONNECT packet with user name and password; protocol level 4 is MQTT 3.1.1, 3 is MQTT 3.1.</summary>
    public static byte[] Connect(string clientId, string userName, string password, byte level = 4)
    {
        var body = new List<byte>();
        body.AddRange(String(level == 3 ? "MQIsdp" : "MQTT"));
        body.Add(level);
        body.Add(0xC2); // user name, password, clean session
        body.AddRange([0x00, 0x3C]);
        body.AddRange(String(clientId));
        body.AddRange(String(userName));
        body.AddRange(String(password));
        return [0x10, .. RemainingLength(body.Count), .. body];
    }

    /// <summary>The MQTT variable-length encoding of a remaining length (at most 268,435,455).</summary>
    public static byte[] RemainingLength(int length)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(length % 128);
            length /= 128;
            if (length > 0) b |= 0x80;
            bytes.Add(b);
        } while (length > 0);
        return [.. bytes];
    }

    public async Task SendAsync(byte[] bytes)
    {
        await Tls.WriteAsync(bytes);
        await Tls.FlushAsync();
    }

    /// <summary>Reads the 4-byte CONNACK and returns its return code.</summary>
    public async Task<byte> ReadConnAckAsync()
    {
        var buffer = new byte[4];
        await Tls.ReadExactlyAsync(buffer);
        Assert.Equal(0x20, buffer[0]);
        return buffer[3];
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> of zeros in chunks, as a client streaming a huge packet's body; stops when
    /// the gateway has closed the connection. Returns how many bytes were written.
    /// </summary>
    public async Task<long> StreamZerosAsync(long bytes)
    {
        var chunk = new byte[64 * 1024];
        long written = 0;
        try
        {
            while (written < bytes)
            {
                await Tls.WriteAsync(chunk);
                written += chunk.Length;
            }
            await Tls.FlushAsync();
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        return written;
    }

    /// <summary>True once the gateway has closed the connection (end of stream or reset), false if it is still
    /// open when <paramref name="deadline"/> passes (the deadline only bounds a failing test).</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan deadline)
    {
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            while (await Tls.ReadAsync(buffer, cts.Token) > 0) { }
            return true;
        }
        catch (IOException) { return true; }
        catch (OperationCanceledException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        await Tls.DisposeAsync();
        _tcp.Dispose();
    }

    private static byte[] String(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
    }
}
