using CareWatch.Storage;

namespace CareWatch.Monitoring;

/// <summary>
/// A senior's recent minutes as one stream: minutes from any of their watches are combined per minute
/// (<see cref="StoredMinute.Combine"/>) with the watch's charging flag, and only the last <c>span</c> is kept.
/// </summary>
public sealed class MinuteWindow(TimeSpan span)
{
    private readonly SortedList<DateTime, (StoredMinute Minute, bool Charging)> _minutes = [];

    /// <summary>The minutes, oldest first.</summary>
    public IEnumerable<(StoredMinute Minute, bool Charging)> All => _minutes.Values;

    /// <summary>The minutes after <paramref name="after"/> (all when null), oldest first.</summary>
    public IEnumerable<(StoredMinute Minute, bool Charging)> After(DateTime? after)
    {
        // Binary search: a live batch asks for its few new minutes at the end of a day's window, once per message.
        int lo = 0, hi = _minutes.Count;
        while (after is { } a && lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_minutes.Keys[mid] > a) hi = mid; else lo = mid + 1;
        }
        for (var i = lo; i < _minutes.Count; i++) yield return _minutes.Values[i];
    }

    /// <summary>Forgets everything (before a rebuild from storage).</summary>
    public void Clear() => _minutes.Clear();

    /// <summary>
    /// Adds minutes, combining each with what is known of that minute; returns the earliest minute whose
    /// combined value is new or changed (null: nothing changed), so the caller knows how far back to judge again.
    /// </summary>
    public DateTime? Add(IEnumerable<StoredMinute> minutes, bool charging)
    {
        DateTime? earliest = null;
        foreach (var raw in minutes)
        {
            var m = raw with { Start = DateTime.SpecifyKind(raw.Start, DateTimeKind.Utc) };
            var seen = _minutes.TryGetValue(m.Start, out var known);
            var entry = seen ? (StoredMinute.Combine(known.Minute, m), known.Charging || charging) : (m, charging);
            if (seen && entry == known) continue;
            if (_minutes.Count > 0 && m.Start < _minutes.Keys[^1] - span) continue; // older than the window: storage has it
            _minutes[m.Start] = entry;
            if (earliest is null || m.Start < earliest) earliest = m.Start;
        }
        while (_minutes.Count > 0 && _minutes.Keys[0] < _minutes.Keys[^1] - span) _minutes.RemoveAt(0);
        return earliest;
    }
}
