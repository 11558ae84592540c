using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Metrics;
using CareWatch.Monitoring.Privacy;
using CareWatch.Monitoring.Training;
using CareWatch.Monitoring.Wellbeing;
using CareWatch.Storage;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Bureaus;
using CareWatch.Storage.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CareWatch.Monitoring;

/// <summary>Registers the senior monitors.</summary>
public static class MonitoringExtensions
{
    /// <summary>Adds monitor options, the stores the grains use and the telemetry observer.</summary>
    public static IServiceCollection AddSeniorMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitorOptions>().BindConfiguration("Monitoring").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<MonitoringMetrics>();
        services.TryAddSingleton<CareWatch.Storage.Alerts.ActiveAlertCensus>();
        services.AddHostedService<ActiveAlertsSampler>();
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<CareWatch.Storage.Alerts.OutboxWakeup>();
        services.TryAddSingleton<CareWatch.Storage.Alerts.AlertTransitions>();
        services.TryAddSingleton<ActivityHistory>();
        services.TryAddSingleton<SeniorDirectory>();
        services.TryAddSingleton<SeniorHistories>();
        services.TryAddSingleton<DetectionModelStore>();
        services.TryAddSingleton<DetectionModelProvider>();
        services.TryAddSingleton<DetectorBuilder>();
        services.AddResiliencePipeline(SeniorAlerts.RetryPipeline, AlertWriteRetry);
        services.AddOptions<TrainingOptions>().BindConfiguration("Training").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IModelEvaluator, HoldoutEvaluator>();
        services.TryAddSingleton<ModelTrainingService>();
        services.TryAddSingleton<InsightStore>();
        services.TryAddSingleton<WellbeingReview>();
        services.AddPrivacyDuties();
        services.AddHostedService<NightlyJobs>();
        services.TryAddSingleton<SilentWatches>();
        services.TryAddSingleton<SupervisionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<SupervisionSweep>());
        services.TryAddSingleton<CheckInSettingsStore>();
        services.TryAddSingleton<SeniorWatches>();
        services.TryAddSingleton<CheckInSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInSweep>());
        return services;
    }

    /// <summary>The audit log, retention, consents, export and erasure (issue 10, points 7 and 8).</summary>
    public static IServiceCollection AddPrivacyDuties(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration("Privacy").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<RawDataRetention>();
        services.TryAddSingleton<DeduplicationRetention>();
        services.TryAddSingleton<RetentionJob>();
        services.TryAddSingleton<ConsentStore>();
        services.TryAddSingleton<SeniorExport>();
        services.TryAddSingleton<SeniorErasure>();
        return services;
    }

    // An alert write is idempotent (one open alert per kind), so any database failure is worth a few quick tries
    // with jitter before the monitor keeps the decision and tries again on its timer. Real time, not the
    // injected clock: a frozen test clock must not stall a retry.
    private static void AlertWriteRetry(ResiliencePipelineBuilder builder)
    {
        builder.TimeProvider = TimeProvider.System;
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        });
    }
}
