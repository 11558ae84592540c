using CareWatch.Detection;
using CareWatch.Detection.Baselines;
using CareWatch.Detection.Model;
using CareWatch.Monitoring.Metrics;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring;

/// <summary>
/// Builds a senior's inactivity detector: the learned model in service, personalised on their history, or —
/// on a new installation with no model yet — the fixed rule of <see cref="MonitorOptions"/>. With metrics, every
/// detector it makes records its scoring time.
/// </summary>
public sealed class DetectorBuilder(DetectionModelProvider models, IOptions<MonitorOptions> options,
    MonitoringMetrics? metrics = null)
{
    /// <summary>The version of the model in service (null: none yet).</summary>
    public async Task<int?> ModelVersionAsync(CancellationToken ct = default) => (await models.GetAsync(ct)).Version;

    /// <summary>A source of fresh detectors for a senior with the given history, and the model version it uses.</summary>
    public async Task<DetectorSource> BuildAsync(IReadOnlyList<ActivityMinute> history, CancellationToken ct)
    {
        var o = options.Value;
        var band = new DayBand(o.DayStartHour, o.DayEndHour);
        var (model, version) = await models.GetAsync(ct);
        if (model is null)
        {
            var fixedStill = new StillDefinition(0, 0, o.StillMovementThreshold);
            return new DetectorSource(
                () => Timed(new TimerDetector(fixedStill, o.StillAlertAfter, o.StillAlertAfterNight, band)), null,
                local => StillnessNorm.Fixed(local, o, band));
        }
        var survival = PersonSurvival.Compile(model, history);
        var learned = o.LearnedOptions();
        return new DetectorSource(() => Timed(new LearnedDetector(survival, learned)), version,
            local => StillnessNorm.Learned(local, survival, learned));
    }

    private IInactivityDetector Timed(IInactivityDetector detector) =>
        metrics is null ? detector : new TimedDetector(detector, metrics);
}
