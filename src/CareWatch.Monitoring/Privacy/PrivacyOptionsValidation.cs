using CareWatch.Monitoring.Training;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Privacy;

/// <summary>
/// Refuses a retention shorter than what the monitor or training reads: deleting minutes they still use would
/// quietly starve the detector of the senior's own history (it falls back to the population model).
/// </summary>
public sealed class PrivacyOptionsValidation(IOptions<MonitorOptions> monitor, IOptions<TrainingOptions> training)
    : IValidateOptions<PrivacyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var needed = TimeSpan.FromDays(Math.Max(monitor.Value.HistoryDays, training.Value.HistoryDays) + 1);
        return options.RawRetention < needed
            ? ValidateOptionsResult.Fail($"Privacy:RawRetention ({options.RawRetention.TotalDays:0.#} days) must be at least "
                + $"{needed.TotalDays:0} days: Monitoring:HistoryDays and Training:HistoryDays read that far back.")
            : ValidateOptionsResult.Success;
    }
}
