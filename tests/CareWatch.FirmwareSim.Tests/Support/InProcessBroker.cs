using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CareWatch.Protocol;
using MQTTnet.Server;

namespace CareWatch.FirmwareSim.Tests.Support;

/// <summary>
/// A plain-TCP MQTTnet broker on a free port that records what the watches send. It can drop the
/// connection on a publish instead of acknowledging it, to prove that batches survive lost PUBACKs.
/// </summary>
public sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private int _dropsLeft;

    public InProcessBroker(int? port = null)
    {
        Port = port ?? FreePort();
        var factory = new MqttServerFactory();
        _server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(Port).Build());
        _server.ValidatingConnectionAsync += e =>
        {
            Connects.Enqueue((e.ClientId, e.UserName, e.Password));
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += e =>
        {
            if (Interlocked.Decrement(ref _dropsLeft) >= 0)
            {
                e.CloseConnection = true; // the watch never sees a PUBACK for this one
                e.ProcessPublish = false;
            }
            var batch = TelemetryJson.TryParse(e.ApplicationMessage.Payload.ToArray(), out _);
            Publishes.Enqueue((e.ApplicationMessage.Topic, batch!));
            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public ConcurrentQueue<(string ClientId, string UserName, string Password)> Connects { get; } = new();

    public ConcurrentQueue<(string Topic, TelemetryBatch Batch)> Publishes { get; } = new();

    /// <summary>The next <paramref name="count"/> publishes close the connection instead of being acknowledged.</summary>
    public void DropNextPublishes(int count) => _dropsLeft = count;

    public Task StartAsync() => _server.StartAsync();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
