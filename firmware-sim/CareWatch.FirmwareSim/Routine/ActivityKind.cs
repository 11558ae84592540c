namespace CareWatch.FirmwareSim.Routine;

/// <summary>What the senior is doing during a stretch of the day; each kind has its own movement distribution.</summary>
public enum ActivityKind
{
    /// <summary>Night sleep: mostly zero counts, the odd turn-over.</summary>
    Sleep,
    /// <summary>Getting up at night for the bathroom.</summary>
    Bathroom,
    /// <summary>Sitting quietly: reading, television.</summary>
    Sitting,
    /// <summary>Pottering about the house: tidying, cooking, small chores.</summary>
    Pottering,
    /// <summary>Eating a meal.</summary>
    Meal,
    /// <summary>A daytime nap in the chair.</summary>
    Nap,
    /// <summary>A walk or outing.</summary>
    Walk,
    /// <summary>The watch is off the wrist on its charger.</summary>
    Charging,
}
