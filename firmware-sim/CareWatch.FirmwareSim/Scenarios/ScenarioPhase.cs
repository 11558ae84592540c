namespace CareWatch.FirmwareSim.Scenarios;

/// <summary>What a scripted phase does to the routine's readings.</summary>
public enum PhaseKind
{
    /// <summary>The senior lies still (collapse, fall without getting up): worn, resting counts only.</summary>
    Still,
    /// <summary>The watch is off the wrist and not charging (left on the bedside table).</summary>
    OffWrist,
}

/// <summary>A scripted override of the routine over [From, Until); Until null means "from then on".</summary>
public sealed record ScenarioPhase(PhaseKind Kind, DateTime FromUtc, DateTime? UntilUtc)
{
    /// <summary>True when the minute starting at <paramref name="utc"/> lies in the phase.</summary>
    public bool Covers(DateTime utc) => utc >= FromUtc && (UntilUtc is null || utc < UntilUtc);
}
