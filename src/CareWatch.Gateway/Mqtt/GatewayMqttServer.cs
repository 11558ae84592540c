using CareWatch.Gateway.Ingestion;
using Microsoft.Extensions.Hosting;
using MQTTnet.AspNetCore;
using MQTTnet.Server;

namespace CareWatch.Gateway.Mqtt;

/// <summary>
/// Owns the MQTTnet server that Kestrel's MQTT listener feeds. It is started (awaited) as a hosted
/// service, which in ASP.NET Core runs before Kestrel accepts connections; MQTTnet's own
/// <c>MqttHostedServer</c> starts only after <c>ApplicationStarted</c>, leaving a window in which
/// early connections find no handler.
/// </summary>
internal sealed class GatewayMqttServer : IHostedService
{
    private readonly MqttServerFactory _factory = new();

    public GatewayMqttServer(MqttConnectionHandler connectionHandler, DeviceAuthenticator authenticator, TelemetryIngestor ingestor)
    {
        var options = _factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint() // Kestrel listens; MQTTnet must not open 1883 itself.
            .WithPersistentSessions(false)
            .Build();
        Server = _factory.CreateMqttServer(options, [connectionHandler]);
        Server.ValidatingConnectionAsync += authenticator.ValidateAsync;
        Server.InterceptingSubscriptionAsync += authenticator.AuthorizeSubscriptionAsync;
        Server.InterceptingPublishAsync += ingestor.OnPublishAsync;
    }

    /// <summary>The running server (for disconnecting clients, status pages).</summary>
    public MqttServer Server { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync();

    public Task StopAsync(CancellationToken cancellationToken) =>
        Server.StopAsync(_factory.CreateMqttServerStopOptionsBuilder().Build());
}
