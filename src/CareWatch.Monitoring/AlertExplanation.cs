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

    /// <summary>"Watch not worn since 10:05 (2 h 10 min): …"</summary>
    public static string NotWorn(DateTime sinceUtc, DateTime untilUtc, TimeZoneInfo zone) =>
        $"Watch not worn since {Local(sinceUtc, zone)} ({Detection.Format.Duration(untilUtc - sinceUtc)}): inactivity cannot be watched until it is back on the wrist.";

    /// <summary>"Watch on its charger since 09:00 (3 h 05 min) instead of on the wrist."</summary>
    public static string LeftCharging(DateTime sinceUtc, DateTime untilUtc, TimeZoneInfo zone) =>
        $"Watch on its charger since {Local(sinceUtc, zone)} ({Detection.Format.Duration(untilUtc - sinceUtc)}) instead of on the wrist.";

    /// <summary>"Watch battery at 12 % since 10:05: …"</summary>
    public static string LowBattery(int level, DateTime sinceUtc, TimeZoneInfo zone) =>
        $"Watch battery at {level} % (low since {Local(sinceUtc, zone)}): it needs charging before it goes flat and stops watching.";

    /// <summary>"No data from the watch since 14:20 (52 min): …"</summary>
    public static string Offline(DateTime lastSeenUtc, DateTime nowUtc, TimeZoneInfo zone) =>
        $"No data from the watch since {Local(lastSeenUtc, zone)} ({Detection.Format.Duration(nowUtc - lastSeenUtc)}): check its battery and the home's connection.";

    /// <summary>
    /// Why an inactivity alert was raised, from its stored facts and without durations that would freeze at raise
    /// time (the board shows the live duration and the start beside it).
    /// </summary>
    public static string Inactivity(AlertFacts facts)
    {
        var limit = Detection.Format.Duration(TimeSpan.FromMinutes(facts.LimitMinutes));
        var model = $"The learned model (version {facts.ModelVersion})";
        return facts.Trigger switch
        {
            Detection.AlertTrigger.FixedRule =>
                $"Watch worn, no movement. No learned model yet: the fixed rule alerts after {limit} without movement.",
            Detection.AlertTrigger.Model => $"Watch worn, no movement. {model} alerts for this person after {limit} at this hour" +
                (facts.LongestNormalMinutes is { } l
                    ? $"; their longest normal still period around then is {Detection.Format.Duration(TimeSpan.FromMinutes(l))}."
                    : "."),
            _ => $"Watch worn, no movement. {model}: the safety limit of {limit} for this time of day applies.",
        };
    }

    /// <summary>"08:55": a UTC instant on the senior's wall clock.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
