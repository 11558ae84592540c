namespace CareWatch.Evaluation.Data;

/// <summary>
/// Turns a file's local wall-clock timestamps into UTC without trusting a time-zone database for every row:
/// the first row is anchored with the time zone, then UTC advances by the local difference, except at a
/// daylight-saving jump (+61 min or −59 min on the wall clock), where one real minute has passed.
/// This never fails on DST, also when the recording's zone rules differ from the machine's.
/// </summary>
public sealed class LocalClockWalker(TimeZoneInfo zone)
{
    private DateTime? _lastLocal;
    private DateTime _lastUtc;

    /// <summary>The UTC start of the row at <paramref name="local"/>, or null when it does not move forward in time.</summary>
    public DateTime? Next(DateTime local)
    {
        local = DateTime.SpecifyKind(new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        if (_lastLocal is not { } previous)
        {
            _lastLocal = local;
            _lastUtc = AnchorUtc(local);
            return _lastUtc;
        }
        var step = (long)(local - previous).TotalMinutes;
        long advance = step switch
        {
            61 or -59 => 1, // spring forward / fall back: one real minute between the two rows
            > 0 => step,
            _ => 0,
        };
        if (advance == 0) return null;
        _lastLocal = local;
        _lastUtc = _lastUtc.AddMinutes(advance);
        return _lastUtc;
    }

    private DateTime AnchorUtc(DateTime local)
    {
        // A first row inside a DST gap or overlap has no single answer: take the standard offset.
        if (zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local))
            return DateTime.SpecifyKind(local - zone.BaseUtcOffset, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
