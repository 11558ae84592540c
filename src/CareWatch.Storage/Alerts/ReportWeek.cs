using System.Globalization;
using System.Text.RegularExpressions;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// An ISO 8601 week (<c>2026-W49</c>: Monday to Sunday, week 1 holds the year's first Thursday) on a bureau's
/// clock: the report counts what happened from its Monday 00:00 to the next Monday 00:00 in the bureau's time zone,
/// so a week's figures match what the bureau's staff call "last week" across a daylight-saving change.
/// </summary>
public sealed partial record ReportWeek(int Year, int Week)
{
    /// <summary>As written: <c>2026-W49</c>.</summary>
    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    /// <summary>Reads <c>YYYY-Www</c>; null when the text is not a week that exists (W53 only in long years).</summary>
    public static ReportWeek? Parse(string? text)
    {
        if (text is null || WeekText().Match(text) is not { Success: true } m) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return year is >= 2000 and <= 9998 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year) ? new(year, week) : null;
    }

    /// <summary>The week that <paramref name="utc"/> falls in on the clock of <paramref name="zone"/>.</summary>
    public static ReportWeek Containing(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return new(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <summary>The week before this one (across a year's end).</summary>
    public ReportWeek Previous()
    {
        var monday = ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday).AddDays(-7);
        return new(ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday));
    }

    /// <summary>Its Monday 00:00 and the next Monday 00:00 on the zone's clock, as UTC instants.</summary>
    public (DateTime From, DateTime To) UtcRange(TimeZoneInfo zone)
    {
        var monday = ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday);
        return (ToUtc(monday, zone), ToUtc(monday.AddDays(7), zone));
    }

    // Midnight never falls in a gap in the zones CareWatch serves, but some zones change clocks at midnight: an
    // invalid local midnight is taken as the first valid instant after it.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekText();
}
