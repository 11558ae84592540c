using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>
/// A per-watch script on top of the routine: phases that override the readings (still, off wrist) and
/// button presses. Immutable; build one with <see cref="Normal"/> and the <c>With…</c> methods.
/// </summary>
public sealed class Scenario
{
    private Scenario(IReadOnlyList<ScenarioPhase> phases, IReadOnlyList<DeviceEvent> events) =>
        (Phases, Events) = (phases, events);

    /// <summary>No overrides: the routine as it is.</summary>
    public static Scenario Normal { get; } = new([], []);

    /// <summary>The senior goes still at <paramref name="onsetUtc"/> and stays still (or until <paramref name="untilUtc"/>).</summary>
    public static Scenario StillFrom(DateTime onsetUtc, DateTime? untilUtc = null) => Normal.WithStill(onsetUtc, untilUtc);

    /// <summary>Scripted phases, in the order added; the first covering a minute wins.</summary>
    public IReadOnlyList<ScenarioPhase> Phases { get; }

    /// <summary>Scripted button presses and falls.</summary>
    public IReadOnlyList<DeviceEvent> Events { get; }

    /// <summary>Adds a still phase.</summary>
    public Scenario WithStill(DateTime fromUtc, DateTime? untilUtc = null) =>
        new([.. Phases, new ScenarioPhase(PhaseKind.Still, fromUtc, untilUtc)], Events);

    /// <summary>Adds a phase with the watch off the wrist.</summary>
    public Scenario WithOffWrist(DateTime fromUtc, DateTime? untilUtc = null) =>
        new([.. Phases, new ScenarioPhase(PhaseKind.OffWrist, fromUtc, untilUtc)], Events);

    /// <summary>Adds a button press or a fall detection at an instant.</summary>
    public Scenario WithEvent(DateTime atUtc, DeviceEventKind kind) =>
        new(Phases, [.. Events, new DeviceEvent(atUtc, kind)]);

    /// <summary>The reading of one minute: the routine's, unless a phase overrides it.</summary>
    public MinuteSummary Minute(DailyRoutine routine, DateTime minuteStartUtc)
    {
        var phase = Phases.FirstOrDefault(p => p.Covers(minuteStartUtc));
        return phase?.Kind switch
        {
            PhaseKind.Still => routine.RestingMinute(minuteStartUtc),
            PhaseKind.OffWrist => new MinuteSummary(minuteStartUtc, 0, 0, Worn: false),
            _ => routine.Minute(minuteStartUtc),
        };
    }

    /// <summary>The readings of the minutes in [fromUtc, toUtc), oldest first.</summary>
    public IReadOnlyList<MinuteSummary> Minutes(DailyRoutine routine, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<MinuteSummary>();
        for (var t = fromUtc; t < toUtc; t = t.AddMinutes(1)) result.Add(Minute(routine, t));
        return result;
    }

    /// <summary>Scripted events with <paramref name="fromUtc"/> ≤ time &lt; <paramref name="toUtc"/>.</summary>
    public IReadOnlyList<DeviceEvent> EventsBetween(DateTime fromUtc, DateTime toUtc) =>
        Events.Where(e => e.At >= fromUtc && e.At < toUtc).OrderBy(e => e.At).ToList();
}
