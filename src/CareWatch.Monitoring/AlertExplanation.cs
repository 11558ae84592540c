using System.Globalization;

namespace CareWatch.Monitoring;

/// <summary>Plain-words explanations that staff read on the board at 3 a.m.</summary>
public static class AlertExplanation
{
    /// <summary>"Still for 2 h 05 min since 08:55, watch worn. …"</summary>
    public static string Inactivity(TimeSpan stillFor, DateTime stillSinceUtc, TimeZoneInfo zone, MonitorOptions options) =>
        $"Still for {Duration(stillFor)} since {Local(stillSinceUtc, zone)}, watch worn. " +
        $"The rule alerts after {Duration(options.StillAlertAfter)} without movement.";

    /// <summary>"SOS pressed at 14:02."</summary>
    public static string ButtonOrFall(string kind, DateTime atUtc, TimeZoneInfo zone) => kind switch
    {
        AlertKinds.Sos => $"SOS pressed at {Local(atUtc, zone)}.",
        AlertKinds.Fall => $"Watch detected a fall at {Local(atUtc, zone)}.",
        _ => $"{kind} at {Local(atUtc, zone)}.",
    };

    /// <summary>"1 h 40 min", "35 min".</summary>
    public static string Duration(TimeSpan d) => d.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min");

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
