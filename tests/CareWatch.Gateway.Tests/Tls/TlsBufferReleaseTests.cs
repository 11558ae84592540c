using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CareWatch.Gateway.Tls;

namespace CareWatch.Gateway.Tests.Tls;

public sealed class TlsBufferReleaseTests
{
    [Fact]
    public void Constructor_ThisRuntimeOnLinux_Available()
    {
        // Fails when a .NET update moves SslStream's OpenSSL handle: the gateway would then silently use
        // ~34 KB more per watch (it logs a warning), so the test says so first.
        var release = new TlsBufferRelease();

        Assert.True(release.Available, release.Unavailable);
    }

    [Fact]
    public async Task Apply_AfterHandshake_SetsReleaseModeAndTrafficStillFlowsBothWays()
    {
        var release = new TlsBufferRelease();
        await using var pair = await TlsPair.ConnectAsync();
        Assert.False(release.IsReleasing(pair.Server), "OpenSSL's default keeps the buffers");

        Assert.True(release.Apply(pair.Server));

        Assert.True(release.IsReleasing(pair.Server));
        Assert.Equal("ping", await pair.RoundTripAsync(pair.Client, pair.Server, "ping"));
        Assert.Equal("pong", await pair.RoundTripAsync(pair.Server, pair.Client, "pong"));
        Assert.Equal("again", await pair.RoundTripAsync(pair.Client, pair.Server, "again"));
    }

    [Fact]
    public void Apply_StreamNeverAuthenticated_FalseWithoutThrowing()
    {
        using var stream = new SslStream(new MemoryStream());

        Assert.False(new TlsBufferRelease().Apply(stream));
    }

    /// <summary>A TLS connection over loopback TCP with a throwaway self-signed certificate.</summary>
    private sealed class TlsPair : IAsyncDisposable
    {
        private TlsPair(SslStream server, SslStream client) => (Server, Client) = (server, client);

        public SslStream Server { get; }
        public SslStream Client { get; }

        public static async Task<TlsPair> ConnectAsync()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var client = new TcpClient();
                var accepting = listener.AcceptTcpClientAsync();
                await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
                var serverSocket = await accepting;
                var server = new SslStream(serverSocket.GetStream(), leaveInnerStreamOpen: false);
                var clientTls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
                await Task.WhenAll(
                    server.AuthenticateAsServerAsync(certificate),
                    clientTls.AuthenticateAsClientAsync("localhost"));
                return new TlsPair(server, clientTls);
            }
            finally
            {
                listener.Stop();
            }
        }

        public async Task<string> RoundTripAsync(SslStream from, SslStream to, string text)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            await from.WriteAsync(bytes);
            await from.FlushAsync();
            var buffer = new byte[bytes.Length];
            await to.ReadExactlyAsync(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Client.DisposeAsync();
        }
    }
}
