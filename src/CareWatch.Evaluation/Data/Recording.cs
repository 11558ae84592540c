using CareWatch.Detection;

namespace CareWatch.Evaluation.Data;

/// <summary>
/// One person's whole recording as the evaluation uses it: minutes in UTC order with the wear flag already
/// decided (from a <c>worn</c> column, the simulator, or the non-wear rule).
/// </summary>
/// <param name="Id">Stable id, e.g. "control/control_1".</param>
/// <param name="Minutes">The minutes, increasing in UTC.</param>
/// <param name="WearSource">Where <see cref="ActivityMinute.Worn"/> came from.</param>
public sealed record Recording(string Id, ActivityMinute[] Minutes, WearSource WearSource)
{
    /// <summary>Minutes marked not worn.</summary>
    public int NotWornMinutes => Minutes.Count(m => !m.Worn);
}

/// <summary>Where a recording's wear flag comes from.</summary>
public enum WearSource
{
    /// <summary>A <c>worn</c> column in the file (or the simulator's skin sensor).</summary>
    Sensor,
    /// <summary>Inferred by <see cref="NonWearRule"/>.</summary>
    NonWearRule,
}
