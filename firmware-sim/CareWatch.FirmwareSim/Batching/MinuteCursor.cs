namespace CareWatch.FirmwareSim.Batching;

/// <summary>
/// Remembers up to which minute a watch has batched its readings and hands out the next ranges of
/// completed minutes. A minute is complete once the clock has passed its end; the one in progress
/// is never sent.
/// </summary>
public sealed class MinuteCursor
{
    /// <summary>Starts at the minute containing <paramref name="startUtc"/> (rounded down).</summary>
    public MinuteCursor(DateTime startUtc) => Next = FloorToMinute(startUtc);

    /// <summary>The first minute not yet handed out.</summary>
    public DateTime Next { get; private set; }

    /// <summary>
    /// The completed minutes not yet handed out, as consecutive [From, To) ranges of at most
    /// <paramref name="maxMinutes"/> minutes each, oldest first; advances past them.
    /// </summary>
    public IReadOnlyList<(DateTime From, DateTime To)> TakeCompleted(DateTimeOffset now, int maxMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMinutes, 1);
        var end = FloorToMinute(now.UtcDateTime);
        var ranges = new List<(DateTime, DateTime)>();
        while (Next < end)
        {
            var to = Next.AddMinutes(maxMinutes);
            if (to > end) to = end;
            ranges.Add((Next, to));
            Next = to;
        }
        return ranges;
    }

    /// <summary>Rounds a time down to its whole UTC minute.</summary>
    public static DateTime FloorToMinute(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
