namespace CareWatch.Monitoring.CheckIn;

/// <summary>
/// The senior's OK presses within the monitor's window, as movement for the detector: the minute she presses OK she
/// moves, so the still period ends there and a new one may begin, as in the evaluation's check-in loop
/// (<see cref="Detection.CheckIn.CheckInRuns"/>), so that the monitor and the evaluation agree. Without this, an
/// answered check-in left the detector in the old still period: a replay or a new model raised it a second time.
/// The presses come from storage on a (re)start, so a replay or a restart feeds them again; live ones are added as
/// they arrive. Only what the detector sees changes, never the stored minutes.
/// </summary>
public sealed class OkPresses(TimeSpan span)
{
    private readonly SortedSet<DateTime> _all = [];
    private readonly List<DateTime> _unfed = [];

    /// <summary>Forgets everything and keeps the stored presses (fed again by the next <see cref="Rewind"/>).</summary>
    public void Load(IEnumerable<DateTime> stored)
    {
        _all.Clear();
        _unfed.Clear();
        foreach (var at in stored) _all.Add(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }

    /// <summary>
    /// A press as it arrives; <paramref name="lastJudged"/> is the start of the minute the detector saw last. A press
    /// in that minute (it was judged before the press arrived) moves the next minute judged.
    /// </summary>
    public void Add(DateTime at, DateTime? lastJudged)
    {
        at = DateTime.SpecifyKind(at, DateTimeKind.Utc);
        if (!_all.Add(at)) return; // delivered twice
        // Older than that minute: a replayed buffer, not the present; it must not end today's still period. Its
        // minutes' replay (or the next restart) places it where it happened.
        if (lastJudged is not { } last || at >= last) _unfed.Add(at);
        while (_all.Min < _all.Max - span) _all.Remove(_all.Min);
    }

    /// <summary>Before a replay from <paramref name="from"/>: the presses since then are fed again.</summary>
    public void Rewind(DateTime from)
    {
        _unfed.Clear();
        _unfed.AddRange(_all.Where(at => at >= from));
    }

    /// <summary>
    /// Whether the minute that starts at <paramref name="minuteStart"/> carries a press not fed yet (one in it, or one
    /// that arrived after its own minute was judged, or fell in a gap of the data); it is fed with this minute.
    /// </summary>
    public bool Answers(DateTime minuteStart)
    {
        var end = minuteStart.AddMinutes(1);
        return _unfed.RemoveAll(at => at < end) > 0;
    }
}
