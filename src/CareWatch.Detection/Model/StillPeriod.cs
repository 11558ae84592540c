namespace CareWatch.Detection.Model;

/// <summary>One complete still period in a person's history.</summary>
/// <param name="StartLocal">Wall-clock start.</param>
/// <param name="Minutes">Length in minutes.</param>
/// <param name="Censored">True when the period did not end in movement (data ended, watch off, gap): its true length is unknown.</param>
public readonly record struct StillPeriod(DateTime StartLocal, int Minutes, bool Censored);

/// <summary>Cuts a history into still periods under a person's <see cref="StillDefinition"/>.</summary>
public static class StillPeriods
{
    /// <summary>All still periods of at least <paramref name="minimumMinutes"/>, in time order.</summary>
    public static List<StillPeriod> Extract(IReadOnlyList<ActivityMinute> minutes, StillDefinition definition, int minimumMinutes)
    {
        var periods = new List<StillPeriod>();
        DateTime? startLocal = null, startUtc = null, lastUtc = null;
        void Close(bool censored)
        {
            if (startUtc is { } s && lastUtc is { } l)
            {
                var length = (int)((l - s).TotalMinutes + 1);
                if (length >= minimumMinutes) periods.Add(new StillPeriod(startLocal!.Value, length, censored));
            }
            startLocal = startUtc = null;
        }
        foreach (var m in minutes)
        {
            var gap = lastUtc is { } previous ? m.Utc - previous - TimeSpan.FromMinutes(1) : TimeSpan.Zero;
            if (startUtc is not null && gap > StillPeriodTracker.MaxGap) Close(censored: true);
            if (!m.Worn) Close(censored: true);
            else if (!definition.IsStill(m)) Close(censored: false);
            else if (startUtc is null) { startUtc = m.Utc; startLocal = m.Local; }
            lastUtc = m.Utc;
        }
        Close(censored: true);
        return periods;
    }
}
