namespace CareWatch.Storage;

/// <summary>
/// One minute of a senior, the one shape from storage to the monitor: whatever the number of watches, a senior
/// has at most one minute per minute (docs/telemetry.md, "One stream per senior").
/// </summary>
/// <param name="Start">Start of the minute, UTC.</param>
/// <param name="Movement">Activity count of the watch on the wrist (or the larger count when none or both were worn).</param>
/// <param name="Worn">Whether any of the senior's watches was on the wrist.</param>
public readonly record struct StoredMinute(DateTime Start, int Movement, bool Worn)
{
    /// <summary>
    /// The same minute from two watches is one minute: the reading of the watch that was worn wins (a spare
    /// watch on the table says nothing about the senior, even when someone bumps it); between two worn or two
    /// unworn readings the larger movement wins (stillness is claimed only when every reading agrees).
    /// <see cref="ActivityHistory"/> applies the same rule in SQL.
    /// </summary>
    public static StoredMinute Combine(StoredMinute a, StoredMinute b) => (a.Worn, b.Worn) switch
    {
        (true, false) => a,
        (false, true) => b,
        _ => a with { Movement = Math.Max(a.Movement, b.Movement) },
    };
}
