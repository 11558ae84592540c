using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Stored minutes of a senior written by the telemetry writer itself, without the way in (MQTT): for tests of what
/// is read back (charts, summaries), where the way in is not the subject.
/// </summary>
public static class ArrangeMinutes
{
    /// <summary>
    /// <paramref name="count"/> minutes of one watch from <paramref name="from"/> (UTC, whole minute) with the same
    /// movement; a second call for another <paramref name="deviceId"/> adds a second watch's readings.
    /// </summary>
    public static async Task AddAsync(ServerHost server, Guid seniorId, DateTime from, int count, int movement,
        bool worn = true, string deviceId = "arranged-watch")
    {
        from = DateTime.SpecifyKind(from, DateTimeKind.Utc);
        var minutes = Enumerable.Range(0, count).Select(i => new MinuteSummary(from.AddMinutes(i), movement, 0, worn)).ToList();
        // A random seq: each call is a message of its own, never taken for a resend of an earlier one.
        var batch = new TelemetryBatch(Random.Shared.NextInt64(1, long.MaxValue), 80, false, minutes, []);
        var writer = new TelemetryWriter(server.Services.GetRequiredService<NpgsqlDataSource>());
        await writer.WriteAsync([new IncomingTelemetry(deviceId, seniorId, batch, DateTime.UtcNow)]);
    }

    /// <summary>The UTC instant a local time of <paramref name="timeZone"/> is.</summary>
    public static DateTime Utc(DateOnly date, int hour, int minute, string timeZone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)),
            TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    /// <summary>Today on the clock of <paramref name="timeZone"/>.</summary>
    public static DateOnly Today(string timeZone) => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
