using CareWatch.Monitoring.Training;
using CareWatch.Monitoring.Wellbeing;
using CareWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareWatch.Monitoring;

/// <summary>Registers the senior monitors.</summary>
public static class MonitoringExtensions
{
    /// <summary>Adds monitor options, the stores the grains use and the telemetry observer.</summary>
    public static IServiceCollection AddSeniorMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitorOptions>().BindConfiguration("Monitoring").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<ActivityHistory>();
        services.TryAddSingleton<SeniorDirectory>();
        services.TryAddSingleton<SeniorHistories>();
        services.TryAddSingleton<DetectionModelStore>();
        services.TryAddSingleton<DetectionModelProvider>();
        services.TryAddSingleton<DetectorBuilder>();
        services.AddOptions<TrainingOptions>().BindConfiguration("Training").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IModelEvaluator, HoldoutEvaluator>();
        services.TryAddSingleton<ModelTrainingService>();
        services.TryAddSingleton<InsightStore>();
        services.TryAddSingleton<WellbeingReview>();
        services.AddHostedService<NightlyJobs>();
        services.TryAddSingleton<SilentWatches>();
        services.TryAddSingleton<SupervisionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<SupervisionSweep>());
        return services;
    }
}
