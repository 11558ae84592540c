namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>What a scripted phase does to the routine's readings.</summary>
public enum PhaseKind
{
    /// <summary>The senior lies still (collapse, fall without getting up): worn, resting counts only.</summary>
    Still,
    /// <summary>The watch is off the wrist and not charging (left on the bedside table).</summary>
    OffWrist,
    /// <summary>The minute of a fall: a burst of movement as the body hits the floor.</summary>
    Impact,
    /// <summary>Gradual decline: the routine's movement and steps shrink day by day over <see cref="ScenarioPhase.Ramp"/>.</summary>
    Decline,
    /// <summary>The senior is up and about again (a dozing senior who pressed OK): the routine, over any later-added phase.</summary>
    Awake,
}

/// <summary>A scripted override of the routine over [From, Until); Until null means "from then on".</summary>
/// <param name="Kind">What the phase does.</param>
/// <param name="FromUtc">Start of the phase.</param>
/// <param name="UntilUtc">End of the phase, exclusive; null for open-ended.</param>
/// <param name="Ramp">For <see cref="PhaseKind.Decline"/>: how long activity takes to fall to its floor.</param>
public sealed record ScenarioPhase(PhaseKind Kind, DateTime FromUtc, DateTime? UntilUtc, TimeSpan? Ramp = null)
{
    /// <summary>A declining senior keeps this share of their usual activity once the decline is complete.</summary>
    public const double DeclineFloor = 0.35;

    /// <summary>True when the minute starting at <paramref name="utc"/> lies in the phase.</summary>
    public bool Covers(DateTime utc) => utc >= FromUtc && (UntilUtc is null || utc < UntilUtc);

    /// <summary>
    /// The share of usual activity left at <paramref name="utc"/> during a decline: 1 at the start, falling
    /// linearly to <see cref="DeclineFloor"/> over the ramp (a slow illness, not a cliff), then flat.
    /// </summary>
    public double ActivityFactorAt(DateTime utc)
    {
        if (Kind != PhaseKind.Decline || Ramp is not { } ramp || ramp <= TimeSpan.Zero) return Kind == PhaseKind.Decline ? DeclineFloor : 1;
        var progress = Math.Clamp((utc - FromUtc) / ramp, 0, 1);
        return 1 - (1 - DeclineFloor) * progress;
    }
}
