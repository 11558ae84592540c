using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet.AspNetCore;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Owns the MQTTnet server that Kestrel's MQTT listeners (TLS and WebSocket) feed. It is started
/// (awaited) as a hosted service, which in ASP.NET Core runs before Kestrel accepts connections;
/// MQTTnet's own <c>MqttHostedServer</c> starts only after <c>ApplicationStarted</c>, leaving a window
/// in which early connections find no handler.
/// </summary>
internal sealed class GatewayMqttServer : IHostedService
{
    private readonly MqttServerFactory _factory = new();
    private readonly IServiceProvider _services;

    public GatewayMqttServer(MqttConnectionHandler connectionHandler, IServiceProvider services)
    {
        _services = services;
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

    public Task StopAsync(CancellationToken cancellationToken) =>
        Server.StopAsync(_factory.CreateMqttServerStopOptionsBuilder().Build());
}
