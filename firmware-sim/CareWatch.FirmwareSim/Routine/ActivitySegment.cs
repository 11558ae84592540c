namespace CareWatch.FirmwareSim.Routine;

/// <summary>A stretch of local time, [Start, End), spent on one activity.</summary>
public readonly record struct ActivitySegment(DateTime Start, DateTime End, ActivityKind Kind)
{
    /// <summary>True when <paramref name="local"/> falls inside the segment.</summary>
    public bool Contains(DateTime local) => local >= Start && local < End;
}
