using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.AspNetCore;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Owns the MQTTnet server that Kestrel's MQTT listeners (TLS and WebSocket) feed. It is started
/// (awaited) as a hosted service, which in ASP.NET Core runs before Kestrel accepts connections;
/// MQTTnet's own <c>MqttHostedServer</c> starts only after <c>ApplicationStarted</c>, leaving a window
/// in which early connections find no handler.
/// </summary>
/// <remarks>
/// Stopping is the mirror image, and it must come <em>before</em> Kestrel stops: Kestrel stops first (it started
/// last) and waits for its open connections until the host's shutdown timeout, and an MQTT connection never ends by
/// itself, so watches used to stay connected, and acknowledged, for 30 s after HTTP had closed. In
/// <see cref="StoppingAsync"/>, which the host calls for every service before any StopAsync, the gateway drains
/// (<see cref="GatewayDrain"/>: refuses new CONNECTs, acknowledges no further PUBLISH) and disconnects every watch
/// (MQTT 5: DISCONNECT "server shutting down"), so they reconnect elsewhere and Kestrel finds nothing to wait for.
/// </remarks>
internal sealed class GatewayMqttServer : IHostedLifecycleService
{
    private readonly MqttServerFactory _factory = new();
    private readonly IServiceProvider _services;
    private readonly GatewayDrain _drain;
    private readonly ILogger<GatewayMqttServer> _logger;

    public GatewayMqttServer(MqttConnectionHandler connectionHandler, GatewayDrain drain, IServiceProvider services,
        IHostApplicationLifetime lifetime, ILogger<GatewayMqttServer> logger)
    {
        _services = services;
        _drain = drain;
        _logger = logger;
        // On SIGTERM the host raises ApplicationStopping before it calls StoppingAsync: drain from the first moment.
        lifetime.ApplicationStopping.Register(drain.Begin);
        var options = _factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint() // Kestrel listens; MQTTnet must not open 1883 itself.
            .WithPersistentSessions(false)
            .Build();
        // Each connection keeps its packet writer's buffer. What a watch is sent is mostly a 4-byte PUBACK, so
        // start small and shrink back after a large packet: 35 instead of 42 KB per connected watch (docs/benchmarks.md).
        options.WriterBufferSize = 256;
        options.WriterBufferSizeMax = 4096;
        Server = _factory.CreateMqttServer(options, [connectionHandler]);
    }

    /// <summary>The running server (for disconnecting clients and sending to one of them).</summary>
    public MqttServer Server { get; }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not in the constructor: the handlers send through this server themselves
        // (method calls, twin answers), so constructor injection would be circular.
        var authenticator = _services.GetRequiredService<DeviceAuthenticator>();
        Server.ValidatingConnectionAsync += authenticator.ValidateAsync;
        Server.InterceptingSubscriptionAsync += authenticator.AuthorizeSubscriptionAsync;
        Server.InterceptingPublishAsync += _services.GetRequiredService<PublishRouter>().OnPublishAsync;
        _services.GetRequiredService<DeviceConnections>().Attach(Server);
        return Server.StartAsync();
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _drain.Begin();
        if (!Server.IsStarted) return;
        // A CONNECT validated just before the drain began may complete after the first pass: look again, for
        // connections not yet told (a disconnected client stays listed until its connection has wound down).
        var told = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 0; pass < 3 && !cancellationToken.IsCancellationRequested; pass++)
        {
            var clients = (await Server.GetClientsAsync()).Where(c => told.Add(c.Id)).ToList();
            if (clients.Count == 0) break;
            _logger.LogInformation("Stopping: disconnecting {Count} watches", clients.Count);
            await Task.WhenAll(clients.Select(DisconnectAsync)).WaitAsync(cancellationToken);
        }
    }

    // Kestrel has stopped by now (it stops first): whatever is left goes with the server.
    public Task StopAsync(CancellationToken cancellationToken) =>
        Server.StopAsync(_factory.CreateMqttServerStopOptionsBuilder()
            .WithDefaultClientDisconnectOptions(ShuttingDown())
            .Build());

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DisconnectAsync(MqttClientStatus client)
    {
        try
        {
            await client.DisconnectAsync(ShuttingDown());
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException)
        {
            // Gone meanwhile.
            _logger.LogDebug(ex, "Watch {DeviceId} was already disconnecting", client.Id);
        }
    }

    private static MqttServerClientDisconnectOptions ShuttingDown() =>
        new() { ReasonCode = MqttDisconnectReasonCode.ServerShuttingDown };
}
