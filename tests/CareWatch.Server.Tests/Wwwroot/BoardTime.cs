using System.Globalization;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>What the board prints for an instant: the senior's wall clock, dated unless it is their today.</summary>
internal static class BoardTime
{
    /// <summary>"21:43", "21:43 yesterday", "28 Nov 21:43", "28 Nov 2025 21:43".</summary>
    public static string When(DateTime utc, string timeZone, DateTime nowUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone).Date;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (local.Date == today) return time;
        if (local.Date == today.AddDays(-1)) return $"{time} yesterday";
        var day = local.ToString(local.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
        return $"{day} {time}";
    }
}
