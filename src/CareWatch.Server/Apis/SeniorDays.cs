using System.Globalization;

namespace CareWatch.Server.Apis;

/// <summary>
/// Days on a senior's own clock: the senior page counts "today" and "the last 14 days" where the senior lives, not
/// where the server or the caregiver is (a Shanghai senior's day starts at 16:00 UTC).
/// </summary>
internal static class SeniorDays
{
    /// <summary>How a date is written in the API (ISO 8601, no time).</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The senior's time zone; UTC when the stored id is unknown here (as the monitor does).</summary>
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Today on the senior's clock.</summary>
    public static DateOnly Today(TimeZoneInfo zone, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone));

    /// <summary>Reads a yyyy-MM-dd date; false for anything else.</summary>
    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// The UTC instant the local day begins. Where a zone skips midnight (a DST change at 00:00), the day begins at
    /// the first local time that exists.
    /// </summary>
    public static DateTime StartUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The date written as the API writes it.</summary>
    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
