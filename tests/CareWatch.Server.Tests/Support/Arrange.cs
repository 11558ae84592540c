using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Support;

/// <summary>A watch identity as POST /api/devices returns it (read independently of the server's own type).</summary>
public sealed record WatchIdentity(string DeviceId, Guid SeniorId, string ConnectionString);

/// <summary>The arranging steps the end-to-end tests share: a senior, their watch, and minutes to send.</summary>
public static class Arrange
{
    /// <summary>A senior in <paramref name="timeZone"/>, in the server's test bureau (the one its <c>Http</c> opens).</summary>
    public static async Task<SeniorRecord> SeniorAsync(ServerHost server, string name, string timeZone = "Europe/Berlin")
    {
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        return await directory.AddSeniorAsync(await server.TestBureauAsync(), name, timeZone);
    }

    /// <summary>A new bureau with one senior: for tests across bureaus.</summary>
    public static async Task<SeniorRecord> SeniorInNewBureauAsync(ServerHost server, string name, string timeZone = "Europe/Berlin")
    {
        await server.TestBureauAsync(); // the schema exists
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = await directory.AddBureauAsync("Other bureau", timeZone);
        return await directory.AddSeniorAsync(bureau.Id, name, timeZone);
    }

    /// <summary>Registers a watch for the senior through the REST API, as the integration of the senior's bureau would.</summary>
    public static async Task<WatchIdentity> WatchAsync(ServerHost server, Guid seniorId)
    {
        var senior = await server.Services.GetRequiredService<SeniorDirectory>().FindSeniorForSystemAsync(seniorId)
            ?? throw new InvalidOperationException("No such senior.");
        var client = await server.ClientForBureauAsync(senior.BureauId);
        using var response = await client.PostAsJsonAsync("api/devices", new { seniorId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WatchIdentity>())!;
    }

    /// <summary>A simulated watch that speaks MQTT/TLS to the server and trusts its private CA.</summary>
    /// <param name="methods">How it answers direct methods ("Are you OK?"); null: it does not take any.</param>
    public static SimulatedWatch Connect(ServerHost server, WatchIdentity device,
        Func<string, string, DirectMethodAnswer>? methods = null) =>
        new(device.ConnectionString, new SimulatedWatchOptions
        {
            MqttHost = "127.0.0.1",
            MqttPort = server.MqttPort,
            CaFile = server.CaCertificatePath,
            MethodHandler = methods,
        });

    /// <summary><paramref name="count"/> minutes from <paramref name="from"/> with the same movement.</summary>
    public static List<MinuteSummary> Minutes(DateTime from, int count, int movement, bool worn = true) =>
        Enumerable.Range(0, count).Select(i => new MinuteSummary(from.AddMinutes(i), movement, worn ? movement / 10 : 0, worn)).ToList();

    /// <summary>The start of the minute containing <paramref name="t"/> (UTC).</summary>
    public static DateTime WholeMinute(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    /// <summary>The start of the current minute minus <paramref name="ago"/>.</summary>
    public static DateTime MinutesAgo(int ago) => WholeMinute(TimeProvider.System.GetUtcNow().UtcDateTime).AddMinutes(-ago);
}
