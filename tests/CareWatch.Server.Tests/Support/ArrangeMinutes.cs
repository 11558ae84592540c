using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Stored minutes of a senior written straight into minute_activity, as the telemetry writer leaves them: for tests
/// of what is read back (charts, summaries), where the way in (MQTT) is not the subject.
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
        await using var cmd = server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO minute_activity (device_id, senior_id, minute, movement, steps, worn)
            SELECT @device, @senior, @from + make_interval(mins => i), @movement, 0, @worn
            FROM generate_series(0, @count - 1) AS i
            """);
        cmd.Parameters.AddWithValue("device", deviceId);
        cmd.Parameters.AddWithValue("senior", seniorId);
        cmd.Parameters.AddWithValue("from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        cmd.Parameters.AddWithValue("count", count);
        cmd.Parameters.AddWithValue("movement", movement);
        cmd.Parameters.AddWithValue("worn", worn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The UTC instant a local time of <paramref name="timeZone"/> is.</summary>
    public static DateTime Utc(DateOnly date, int hour, int minute, string timeZone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)),
            TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    /// <summary>Today on the clock of <paramref name="timeZone"/>.</summary>
    public static DateOnly Today(string timeZone) => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
