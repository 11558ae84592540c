using System.Diagnostics;
using System.Text.Json;
using CareWatch.Detection;
using CareWatch.Detection.Evaluation;
using CareWatch.Detection.Model;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Training;

/// <summary>
/// Trains a new inactivity model from the history in PostgreSQL, evaluates it against the model in service
/// on the same held-out days, stores it as a new version, and promotes it only if it is not worse.
/// </summary>
public sealed class ModelTrainingService(
    SeniorHistories histories,
    DetectionModelStore store,
    DetectionModelProvider provider,
    IModelEvaluator evaluator,
    IOptions<TrainingOptions> options,
    IOptions<MonitorOptions> monitorOptions,
    TimeProvider time,
    ILogger<ModelTrainingService> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Runs one training; throws <see cref="NotEnoughHistoryException"/> or <see cref="InvalidOperationException"/> (already running).</summary>
    public async Task<TrainingReport> TrainAsync(CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct)) throw new InvalidOperationException("A training run is already in progress.");
        try
        {
            var o = options.Value;
            var people = await LoadPeopleAsync(o, ct);
            var band = new DayBand(monitorOptions.Value.DayStartHour, monitorOptions.Value.DayEndHour);
            var settings = new EvaluationSettings(o.Seed, EmergenciesPerDay: 2) { TrainFraction = 1 - o.HoldoutShare, Band = band };
            var prepared = people.Select(p => PersonEvaluator.Prepare(p.PersonId, [.. p.Minutes], settings))
                .OfType<PersonEvaluator.Prepared>().ToList();
            if (prepared.Count == 0) throw new NotEnoughHistoryException("No senior has days left to evaluate a model on.");
            var training = prepared.Select(p => p.Training).ToList();
            var stopwatch = Stopwatch.StartNew();
            var candidate = await Task.Run(() => HazardModel.Train(training, o.Seed), ct);
            var seconds = stopwatch.Elapsed.TotalSeconds;

            var candidateFigures = evaluator.Evaluate(Factory(candidate), prepared, settings);
            var (current, currentVersion) = await provider.GetAsync(ct);
            var inServiceFigures = current is null ? null : evaluator.Evaluate(Factory(current), prepared, settings);
            var promote = inServiceFigures is null || !candidateFigures.IsWorseThan(inServiceFigures);
            var reason = inServiceFigures is null ? "first model: promoted"
                : promote ? $"not worse than version {currentVersion}: promoted"
                : $"worse than version {currentVersion} in service: kept out of service";

            using var bytes = new MemoryStream();
            candidate.Save(bytes);
            var days = people.Sum(p => p.Minutes.Count) / 1440.0;
            var evaluationJson = JsonSerializer.Serialize(new { candidate = candidateFigures, inService = inServiceFigures, comparedWith = currentVersion, reason },
                JsonSerializerOptions.Web);
            var still = candidate.PopulationStill;
            var version = await store.AddAsync(new NewDetectionModel(people.Count, days, seconds, evaluationJson,
                candidate.PopulationProfile.ToArray(), [still.Floor, still.ActiveLevel, still.Ceiling], bytes.ToArray()), promote, ct);
            if (promote) provider.Use(candidate, version);
            logger.LogInformation("Model version {Version} trained on {People} seniors in {Seconds:0.0} s: {Reason}", version, people.Count, seconds, reason);
            return new TrainingReport(version, promote, reason, people.Count, days, seconds, candidateFigures, inServiceFigures);
        }
        finally
        {
            _running.Release();
        }
    }

    private LearnedDetectorFactory Factory(HazardModel model)
    {
        return new LearnedDetectorFactory(model, monitorOptions.Value.LearnedOptions());
    }

    private async Task<List<PersonHistory>> LoadPeopleAsync(TrainingOptions o, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-o.HistoryDays);
        var people = (await histories.SinceAsync(since, ct)).Where(p => p.Minutes.Count >= o.MinimumDaysPerSenior * 1440).ToList();
        if (people.Count == 0)
            throw new NotEnoughHistoryException($"No senior has {o.MinimumDaysPerSenior} days of data in the last {o.HistoryDays} days yet.");
        return people;
    }
}
