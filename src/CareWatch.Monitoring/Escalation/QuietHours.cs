namespace CareWatch.Monitoring.Escalation;

/// <summary>
/// Quiet hours: a non-urgent notification that falls inside them waits until they end (outbox not_before). Urgent
/// ones ignore them. Hours are local times in the recipient's zone and may span midnight (22:00–07:00).
/// </summary>
public static class QuietHours
{
    /// <summary>When a notification due at <paramref name="at"/> (UTC) may go; null when it may go now.</summary>
    public static DateTime? NotBefore(DateTime at, TimeOnly? from, TimeOnly? until, string timeZone)
    {
        if (from is not { } start || until is not { } end || start == end) return null;
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone);
        var now = TimeOnly.FromDateTime(local);
        var quiet = start < end ? now >= start && now < end : now >= start || now < end;
        if (!quiet) return null;
        var endDate = DateOnly.FromDateTime(local);
        if (end <= now) endDate = endDate.AddDays(1);
        var endLocal = endDate.ToDateTime(end, DateTimeKind.Unspecified);
        // An end inside a spring-forward gap does not exist locally: the first minute after the gap is the end.
        while (zone.IsInvalidTime(endLocal)) endLocal = endLocal.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(endLocal, zone);
    }

    private static TimeZoneInfo Zone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
