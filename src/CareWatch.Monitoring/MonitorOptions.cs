using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring;

/// <summary>
/// The fixed inactivity rule of the walking skeleton (the learned model replaces the threshold later).
/// Bound from the "Monitoring" configuration section.
/// </summary>
public sealed class MonitorOptions
{
    /// <summary>A worn minute with a movement count at or below this is still.</summary>
    [Range(0, 100_000)]
    public int StillMovementThreshold { get; set; } = 30;

    /// <summary>Raise an inactivity alert once a senior has been still this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StillAlertAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// A hole in the data longer than this ends a still period: minutes without data are not stillness,
    /// and a watch that was offline must not look like a senior who lay still.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxGapInsideStillPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
