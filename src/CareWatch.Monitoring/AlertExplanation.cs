using System.Globalization;

namespace CareWatch.Monitoring;

/// <summary>Plain-words explanations that staff read on the board at 3 a.m.</summary>
public static class AlertExplanation
{
    /// <summary>"SOS pressed at 14:02."</summary>
    public static string ButtonOrFall(string kind, DateTime atUtc, TimeZoneInfo zone) => kind switch
    {
        AlertKinds.Sos => $"SOS pressed at {Local(atUtc, zone)}.",
        AlertKinds.Fall => $"Watch detected a fall at {Local(atUtc, zone)}.",
        _ => $"{kind} at {Local(atUtc, zone)}.",
    };

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
