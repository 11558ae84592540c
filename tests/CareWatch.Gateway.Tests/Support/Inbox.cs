using System.Text;
using System.Threading.Channels;
using MQTTnet;

namespace CareWatch.Gateway.Tests.Support;

/// <summary>Collects what the gateway sends to a test watch, to await it in order.</summary>
public sealed class Inbox
{
    private readonly Channel<MqttApplicationMessage> _messages = Channel.CreateUnbounded<MqttApplicationMessage>();

    private Inbox(IMqttClient client)
    {
        client.ApplicationMessageReceivedAsync += e =>
        {
            _messages.Writer.TryWrite(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    /// <summary>Attaches to a client and subscribes it to the given filters.</summary>
    public static async Task<Inbox> SubscribeAsync(IMqttClient client, params string[] filters)
    {
        var inbox = new Inbox(client);
        var options = new MqttClientSubscribeOptionsBuilder();
        foreach (var f in filters) options.WithTopicFilter(f);
        await client.SubscribeAsync(options.Build());
        return inbox;
    }

    /// <summary>The next message (fails the test after 10 s).</summary>
    public async Task<MqttApplicationMessage> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    /// <summary>A message's payload as text.</summary>
    public static string Text(MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload);
}
