using System.Globalization;
using CareWatch.Monitoring.Privacy;
using CareWatch.Monitoring.Training;
using CareWatch.Monitoring.Wellbeing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring;

/// <summary>
/// Every night at <see cref="TrainingOptions.NightlyAtUtc"/>: train a model, review routines, then apply retention
/// (last, so the night's readers see the history as it was).
/// </summary>
public sealed class NightlyJobs(
    ModelTrainingService training, WellbeingReview wellbeing, RetentionJob retention, IOptions<TrainingOptions> options,
    IOptions<PrivacyOptions> privacy, TimeProvider time, ILogger<NightlyJobs> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!TimeSpan.TryParse(options.Value.NightlyAtUtc, CultureInfo.InvariantCulture, out var at)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNext(time.GetUtcNow(), at), time, stoppingToken);
            try { await training.TrainAsync(stoppingToken); }
            catch (NotEnoughHistoryException ex) { logger.LogInformation("Nightly training skipped: {Reason}", ex.Message); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Nightly training failed"); }
            try { await wellbeing.ReviewAllAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Nightly wellbeing review failed"); }
            if (!privacy.Value.RetentionEnabled) continue;
            try { await retention.RunAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Nightly retention failed"); }
        }
    }

    /// <summary>Time from <paramref name="now"/> to the next <paramref name="at"/> (UTC time of day).</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, TimeSpan at)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + at;
        return (today > now ? today : today.AddDays(1)) - now;
    }
}
