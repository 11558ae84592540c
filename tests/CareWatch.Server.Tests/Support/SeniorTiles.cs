using System.Net.Http.Json;

namespace CareWatch.Server.Tests.Support;

/// <summary>A senior's tile as GET /api/seniors/states returns it (read independently of the server's type).</summary>
public sealed record ReceivedSeniorState(
    Guid SeniorId, string Name, string TimeZone, string State, DateTime? Since, DateTime? StillSince, int? Battery,
    bool BatteryLow, bool? Charging, bool? Worn, DateTime? LastSeenAt, long? AlertId, string? AlertKind,
    string? AlertSeverity);

/// <summary>Reads the seniors board through the API, as the page does.</summary>
public static class SeniorTiles
{
    /// <summary>Every tile the client's bureau sees.</summary>
    public static async Task<List<ReceivedSeniorState>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ReceivedSeniorState>>("api/seniors/states"))!;

    /// <summary>
    /// The senior's tile once it matches: the board reads state the gateway and the monitors record as they go (a
    /// disconnect, a batch), so the test polls the API for the fact instead of guessing how long that takes.
    /// </summary>
    public static async Task<ReceivedSeniorState> EventuallyAsync(HttpClient client, Guid seniorId,
        Func<ReceivedSeniorState, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var tile = (await ListAsync(client)).Single(s => s.SeniorId == seniorId);
            if (match(tile)) return tile;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The tile stayed {tile}.");
            await Task.Delay(100);
        }
    }
}
