using CareWatch.Detection;

namespace CareWatch.Monitoring;

/// <summary>
/// Makes fresh inactivity detectors for one senior, all alike: the costly part (compiling the model on their
/// history) is done once, so the monitor can replay its recent minutes from scratch whenever late data from a
/// second watch changes a minute it has already judged.
/// </summary>
/// <param name="Create">A new detector in its initial state.</param>
/// <param name="ModelVersion">The learned model version behind it (null: the fixed rule).</param>
/// <param name="Norm">
/// What its detectors consider normal for a still period starting at a local time (the senior page's band); null
/// where a source was made without one (tests), which reads as the fixed rule's defaults.
/// </param>
public sealed record DetectorSource(Func<IInactivityDetector> Create, int? ModelVersion,
    Func<DateTime, StillnessNorm>? Norm = null);
