using CareWatch.FirmwareSim.Batching;
using CareWatch.FirmwareSim.Device;
using CareWatch.FirmwareSim.Routine;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>
/// A per-watch script on top of the routine: phases that override the readings (still, off wrist) and
/// button presses, a fall, a gradual decline or a dying battery. Immutable; build one with <see cref="Normal"/> and the <c>With…</c> methods.
/// </summary>
public sealed class Scenario
{
    // A dying battery is visible for a while before the end, as on a real watch nobody charged.
    private static readonly TimeSpan DeathDrain = TimeSpan.FromHours(2);
    // A hard landing reads like a brisk walk's count compressed into one minute.
    private const int ImpactMovement = 900;

    private Scenario(IReadOnlyList<ScenarioPhase> phases, IReadOnlyList<DeviceEvent> events, DateTime? diesAtUtc = null,
        IReadOnlyList<ClockStep>? clockSteps = null) =>
        (Phases, Events, DiesAtUtc, ClockSteps) = (phases, events, diesAtUtc, clockSteps ?? []);

    /// <summary>No overrides: the routine as it is, on a correct clock.</summary>
    public static Scenario Normal { get; } = new([], []);

    /// <summary>Where the watch's own clock goes wrong (see <see cref="WatchClock"/>); empty: it is right.</summary>
    public IReadOnlyList<ClockStep> ClockSteps { get; }

    /// <summary>When the battery reaches 0 and the watch falls silent for good; null when it never dies.</summary>
    public DateTime? DiesAtUtc { get; }

    /// <summary>The senior goes still at <paramref name="onsetUtc"/> and stays still (or until <paramref name="untilUtc"/>).</summary>
    public static Scenario StillFrom(DateTime onsetUtc, DateTime? untilUtc = null) => Normal.WithStill(onsetUtc, untilUtc);

    /// <summary>Scripted phases, in the order added; the first covering a minute wins.</summary>
    public IReadOnlyList<ScenarioPhase> Phases { get; }

    /// <summary>Scripted button presses and falls.</summary>
    public IReadOnlyList<DeviceEvent> Events { get; }

    /// <summary>Adds a still phase.</summary>
    public Scenario WithStill(DateTime fromUtc, DateTime? untilUtc = null) =>
        new([.. Phases, new ScenarioPhase(PhaseKind.Still, fromUtc, untilUtc)], Events, DiesAtUtc, ClockSteps);

    /// <summary>
    /// From <paramref name="fromUtc"/> on she lives her routine again, whatever phase was scripted for then (a dozing
    /// senior who answered "Are you OK?" gets up). Put first, since the first covering phase wins.
    /// </summary>
    public Scenario WithAwake(DateTime fromUtc) =>
        new([new ScenarioPhase(PhaseKind.Awake, fromUtc, null), .. Phases], Events, DiesAtUtc, ClockSteps);

    /// <summary>Adds a phase with the watch off the wrist.</summary>
    public Scenario WithOffWrist(DateTime fromUtc, DateTime? untilUtc = null) =>
        new([.. Phases, new ScenarioPhase(PhaseKind.OffWrist, fromUtc, untilUtc)], Events, DiesAtUtc, ClockSteps);

    /// <summary>Adds a button press or a fall detection at an instant.</summary>
    public Scenario WithEvent(DateTime atUtc, DeviceEventKind kind) =>
        new(Phases, [.. Events, new DeviceEvent(atUtc, kind)], DiesAtUtc, ClockSteps);

    /// <summary>
    /// A fall at <paramref name="atUtc"/>: the watch reports a fall event, the minute of the fall shows the
    /// impact, and the senior lies still from the next minute on (or until <paramref name="untilUtc"/>).
    /// </summary>
    public Scenario WithFall(DateTime atUtc, DateTime? untilUtc = null)
    {
        var minute = MinuteCursor.FloorToMinute(atUtc);
        var impact = new ScenarioPhase(PhaseKind.Impact, minute, minute.AddMinutes(1));
        // Impact first: the first covering phase wins, and the fall minute must not read as still.
        return new Scenario([impact, .. Phases, new ScenarioPhase(PhaseKind.Still, minute.AddMinutes(1), untilUtc)],
            [.. Events, new DeviceEvent(atUtc, DeviceEventKind.Fall)], DiesAtUtc, ClockSteps);
    }

    /// <summary>Activity declines gradually from <paramref name="fromUtc"/>, reaching its floor after <paramref name="over"/>.</summary>
    public Scenario WithDecline(DateTime fromUtc, TimeSpan over) =>
        new([.. Phases, new ScenarioPhase(PhaseKind.Decline, fromUtc, null, over)], Events, DiesAtUtc, ClockSteps);

    /// <summary>The battery runs flat at <paramref name="atUtc"/>: it drains to 0 over the hours before, then the watch says nothing more.</summary>
    public Scenario WithDeath(DateTime atUtc) => new(Phases, Events, atUtc, ClockSteps);

    /// <summary>
    /// From <paramref name="fromUtc"/> (true time) on, the watch's clock is <paramref name="error"/> off
    /// (positive: ahead). The watch stamps its minutes and events and computes its SAS tokens' expiry by
    /// its own clock, so the gateway sees shifted timestamps, and refuses them beyond its tolerances.
    /// The other scripted happenings are timed on the watch's clock too (a simplification: the senior's
    /// routine is synthetic, so shifting it with the labels changes nothing the gateway could tell).
    /// </summary>
    public Scenario WithClockError(DateTime fromUtc, TimeSpan error) =>
        new(Phases, Events, DiesAtUtc, [.. ClockSteps, new ClockStep(fromUtc, error)]);

    /// <summary>True when the watch is dead at <paramref name="utc"/> and sends nothing.</summary>
    public bool IsDeadAt(DateTime utc) => DiesAtUtc is { } dies && utc >= dies;

    /// <summary>The battery the watch reports at <paramref name="utc"/>: the routine's, unless it is dying.</summary>
    public BatteryState BatteryAt(DailyRoutine routine, DateTime utc)
    {
        var usual = routine.BatteryAt(utc);
        if (DiesAtUtc is not { } dies || utc < dies - DeathDrain) return usual;
        if (utc >= dies) return new BatteryState(0, false);
        // Linear from whatever the routine says to 0, off the charger: nobody put it back on.
        var left = (dies - utc) / DeathDrain;
        return new BatteryState((int)Math.Floor(Math.Min(usual.Level, 100) * left), false);
    }

    /// <summary>The reading of one minute: the routine's, unless a phase overrides it.</summary>
    public MinuteSummary Minute(DailyRoutine routine, DateTime minuteStartUtc)
    {
        var phase = Phases.FirstOrDefault(p => p.Covers(minuteStartUtc));
        return phase?.Kind switch
        {
            PhaseKind.Still => routine.RestingMinute(minuteStartUtc),
            PhaseKind.OffWrist => new MinuteSummary(minuteStartUtc, 0, 0, Worn: false),
            PhaseKind.Impact => new MinuteSummary(minuteStartUtc, ImpactMovement, 2, Worn: true),
            PhaseKind.Decline => Scaled(routine.Minute(minuteStartUtc), phase.ActivityFactorAt(minuteStartUtc)),
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

    private static MinuteSummary Scaled(MinuteSummary m, double factor) =>
        m with { Movement = (int)Math.Round(m.Movement * factor), Steps = (int)Math.Round(m.Steps * factor) };

    /// <summary>Scripted events with <paramref name="fromUtc"/> ≤ time &lt; <paramref name="toUtc"/>.</summary>
    public IReadOnlyList<DeviceEvent> EventsBetween(DateTime fromUtc, DateTime toUtc) =>
        Events.Where(e => e.At >= fromUtc && e.At < toUtc).OrderBy(e => e.At).ToList();
}
