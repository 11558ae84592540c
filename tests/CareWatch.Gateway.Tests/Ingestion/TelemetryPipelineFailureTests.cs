using CareWatch.Gateway.Tests.Support;

namespace CareWatch.Gateway.Tests.Ingestion;

/// <summary>Breaks the database under a running gateway; in its own class because it changes the schema.</summary>
public sealed class TelemetryPipelineFailureTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Publish_DatabaseWriteFails_NoPubAckThenResendIsStored()
    {
        var device = await host.CreateDeviceAsync();
        var payload = Batches.Payload(Batches.Minutes(5, 3));
        var failuresBefore = host.Metrics.WriteFailures;
        await host.Database.DataSource.CreateCommand("ALTER TABLE minute_days RENAME TO minute_days_away").ExecuteNonQueryAsync();
        using (var client = await DeviceClient.ConnectAsync(host, device))
        {
            // The gateway closes the connection instead of acknowledging: the watch keeps the message.
            await Assert.ThrowsAnyAsync<Exception>(() => DeviceClient.PublishAsync(client, device.DeviceId, payload));
        }
        Assert.Equal(failuresBefore + 1, host.Metrics.WriteFailures);
        Assert.Equal(0, await host.CountAsync("device_messages", device.DeviceId));

        await host.Database.DataSource.CreateCommand("ALTER TABLE minute_days_away RENAME TO minute_days").ExecuteNonQueryAsync();
        using var again = await DeviceClient.ConnectAsync(host, device);
        var result = await DeviceClient.PublishAsync(again, device.DeviceId, payload);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, await host.CountAsync("minute_activity", device.DeviceId));
    }
}
