using System.ComponentModel.DataAnnotations;

namespace CareWatch.Monitoring.Training;

/// <summary>Model training settings. Bound from the "Training" configuration section.</summary>
public sealed class TrainingOptions
{
    /// <summary>Days of history, back from now, to train on.</summary>
    [Range(7, 365)]
    public int HistoryDays { get; set; } = 30;

    /// <summary>Seniors with fewer days of data are left out of training (they still get alerts).</summary>
    [Range(2, 60)]
    public int MinimumDaysPerSenior { get; set; } = 4;

    /// <summary>Share of each senior's days (the most recent ones) held out to evaluate the candidate.</summary>
    [Range(0.1, 0.5)]
    public double HoldoutShare { get; set; } = 0.3;

    /// <summary>Train nightly at this UTC time of day; empty disables the nightly run.</summary>
    public string? NightlyAtUtc { get; set; } = "02:30";

    /// <summary>Seed for training and evaluation, so a run can be repeated.</summary>
    public int Seed { get; set; } = 7;
}
