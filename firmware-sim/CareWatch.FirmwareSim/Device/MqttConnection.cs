using System.Security.Cryptography.X509Certificates;
using CareWatch.Protocol;
using MQTTnet;
using MQTTnet.Formatter;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// The MQTT session of one watch: builds CONNECT (client id, IoT Hub user name, SAS token), checks
/// TLS, renews the token by reconnecting before it expires (as the Azure device SDKs do) and tears
/// the connection down when a publish fails so the next attempt starts clean.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private const string ClientType = "&DeviceClientType=carewatch-firmware-sim%2F1.0";
    private readonly DeviceConnectionString _device;
    private readonly SimulatedWatchOptions _options;
    private readonly IMqttClient _client;
    private readonly X509Certificate2Collection? _customRoots;
    private readonly string _host;
    private DateTimeOffset _renewAt = DateTimeOffset.MinValue;

    public MqttConnection(DeviceConnectionString device, SimulatedWatchOptions options)
    {
        _device = device;
        _options = options;
        _host = options.MqttHost ?? device.HostName;
        _customRoots = options.UseTls && options.CaFile is { } file ? TlsTrust.LoadCa(file) : null;
        _client = new MqttClientFactory().CreateMqttClient();
        CloudFeatures.Attach(_client, options);
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
                _options.Log?.Invoke($"{device.DeviceId}: disconnected ({e.Reason}{(e.Exception is null ? "" : ": " + e.Exception.Message)})");
            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    public async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (_client.IsConnected && now < _renewAt) return;
        if (_client.IsConnected)
        {
            _options.Log?.Invoke($"{_device.DeviceId}: renewing SAS token");
            await DisconnectAsync();
        }

        var expiresAt = now + _options.TokenTtl;
        var token = SasToken.Create(SasToken.DeviceResource(_device.HostName, _device.DeviceId), _device.SharedAccessKey, expiresAt);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _options.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(_device.DeviceId)
            .WithCredentials(IotHubTopics.UserName(_device.HostName, _device.DeviceId) + ClientType, token)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .WithTimeout(_options.OperationTimeout);
        if (_options.UseTls)
            builder = builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost(_host)
                .WithCertificateValidationHandler(e => TlsTrust.Validate(e.Certificate, e.SslPolicyErrors, _customRoots)));

        await _client.ConnectAsync(builder.Build(), cancellationToken);
        await CloudFeatures.OnConnectedAsync(_client, _options, cancellationToken);
        // Renew at 85 % of the lifetime, like the Azure SDKs, so a token never expires mid-session.
        _renewAt = now + _options.TokenTtl * 0.85;
        _options.Log?.Invoke($"{_device.DeviceId}: connected to {_host}:{_options.MqttPort} (token valid until {expiresAt:u})");
    }

    /// <summary>Publishes at QoS 1 and returns when PUBACK arrived; any failure drops the connection.</summary>
    public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess) throw new InvalidOperationException($"gateway refused the message: {result.ReasonCode} {result.ReasonString}");
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DisconnectAsync();
            throw;
        }
    }

    public async Task DisconnectAsync()
    {
        if (!_client.IsConnected) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The socket is already broken; the client is unusable either way and the next connect starts fresh.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        _client.Dispose();
    }
}
