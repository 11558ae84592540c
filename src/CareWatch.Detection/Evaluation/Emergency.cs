
namespace CareWatch.Detection.Evaluation;

/// <summary>
/// One injected emergency: the stream a detector sees (real minutes from onset − 6 h, then 12 h of resting
/// values, worn throughout) and where the onset lies in it.
/// </summary>
/// <param name="OnsetUtc">First minute of the emergency.</param>
/// <param name="OnsetLocal">The same instant on the person's clock: day or night is judged by its hour.</param>
/// <param name="Stream">Minutes to feed a fresh detector, in order.</param>
/// <param name="OnsetIndex">Index of the onset minute in <see cref="Stream"/>.</param>
public sealed record Emergency(DateTime OnsetUtc, DateTime OnsetLocal, ActivityMinute[] Stream, int OnsetIndex)
{
    /// <summary>Real data fed before the onset, so the detector is in its normal state.</summary>
    public static readonly TimeSpan PreRoll = TimeSpan.FromHours(6);

    /// <summary>How long the emergency lasts; an alert later than this counts as missed.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(12);

    /// <summary>An alert for a still period that started this long before onset still belongs to the emergency.</summary>
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(5);
}
