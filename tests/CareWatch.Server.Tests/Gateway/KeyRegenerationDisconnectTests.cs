using System.Net.Http.Json;
using CareWatch.Protocol;
using CareWatch.Server.Tests.Support;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Gateway;

/// <summary>Regenerating a key through the API closes the connection that key signed, and only that one.</summary>
public sealed class KeyRegenerationDisconnectTests : ServerTest
{
    [Fact]
    public async Task RegenerateKey_Primary_PrimarySessionClosedSecondarySessionStays()
    {
        var onPrimary = await RegisterAsync("w-regen-p");
        var onSecondary = await RegisterAsync("w-regen-s");
        using var primaryClient = await TestWatchClient.ConnectAsync(Server, onPrimary.ToString());
        using var secondaryClient = await TestWatchClient.ConnectAsync(Server, await SecondaryAsync(onSecondary));
        var closed = new TaskCompletionSource();
        primaryClient.DisconnectedAsync += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        foreach (var id in new[] { "w-regen-p", "w-regen-s" })
        {
            using var response = await Server.Http.PostAsync($"api/devices/{id}/keys/primary/regenerate", null);
            response.EnsureSuccessStatusCode();
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The regenerate call returned after its disconnect, so the other watch's state is settled: still there.
        Assert.True(secondaryClient.IsConnected);
        await secondaryClient.PingAsync();
    }

    private async Task<DeviceConnectionString> RegisterAsync(string deviceId)
    {
        var senior = await Arrange.SeniorAsync(Server, "Senior"); // in the bureau whose key Server.Http carries
        using var response = await Server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id, deviceId });
        response.EnsureSuccessStatusCode();
        return DeviceConnectionString.Parse((await response.Content.ReadFromJsonAsync<Registered>())!.ConnectionString);
    }

    private async Task<string> SecondaryAsync(DeviceConnectionString primary)
    {
        var device = await Server.Services.GetRequiredService<DeviceRegistry>().FindForGatewayAsync(primary.DeviceId);
        return (primary with { SharedAccessKey = device!.SecondaryKey }).ToString();
    }

    private sealed record Registered(string DeviceId, string ConnectionString);
}
