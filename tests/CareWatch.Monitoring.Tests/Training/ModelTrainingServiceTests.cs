using CareWatch.Detection;
using CareWatch.Monitoring.Training;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Tests.Training;

/// <summary>Promotion rules of the training service, against real PostgreSQL, with evaluation figures scripted.</summary>
public sealed class ModelTrainingServiceTests
{
    private static readonly ModelEvaluation Good = new(2.0, 60, 110, 0, 40, 1.5);

    /// <summary>An evaluator that returns queued figures: first the candidate's, then the model in service's.</summary>
    private sealed class ScriptedEvaluator(params ModelEvaluation[] figures) : IModelEvaluator
    {
        private readonly Queue<ModelEvaluation> _figures = new(figures);

        public ModelEvaluation Evaluate(IDetectorFactory factory, IReadOnlyList<Detection.Evaluation.PersonEvaluator.Prepared> people, Detection.Evaluation.EvaluationSettings settings) =>
            _figures.Dequeue();
    }

    [Fact]
    public async Task TrainAsync_CandidateWorseThanModelInService_IsStoredButNotPromoted()
    {
        await using var db = await TestDatabase.CreateAsync();
        await StoreHistoryAsync(db, days: 6);
        var store = new DetectionModelStore(db.DataSource, TimeProvider.System);
        var provider = new DetectionModelProvider(store, TimeProvider.System, NullLogger<DetectionModelProvider>.Instance);

        var first = await Service(db, store, provider, new ScriptedEvaluator(Good)).TrainAsync(CancellationToken.None);
        var worse = Good with { StaffFalseAlarmsPerPersonMonth = 4.0 };
        var second = await Service(db, store, provider, new ScriptedEvaluator(worse, Good)).TrainAsync(CancellationToken.None);
        var versions = await store.ListAsync();

        Assert.True(first.Promoted);
        Assert.False(second.Promoted);
        Assert.Contains("worse than version 1", second.Reason);
        Assert.Equal(["rejected", "promoted"], versions.Select(v => v.Status));
        Assert.Equal(first.Version, (await provider.GetAsync()).Version);
    }

    [Fact]
    public async Task TrainAsync_CandidateAsGoodAsModelInService_IsPromotedAndRetiresTheOld()
    {
        await using var db = await TestDatabase.CreateAsync();
        await StoreHistoryAsync(db, days: 6);
        var store = new DetectionModelStore(db.DataSource, TimeProvider.System);
        var provider = new DetectionModelProvider(store, TimeProvider.System, NullLogger<DetectionModelProvider>.Instance);

        await Service(db, store, provider, new ScriptedEvaluator(Good)).TrainAsync(CancellationToken.None);
        var second = await Service(db, store, provider, new ScriptedEvaluator(Good with { MedianDayToStaffMinutes = 62 }, Good)).TrainAsync(CancellationToken.None);

        Assert.True(second.Promoted);
        Assert.Equal(["promoted", "retired"], (await store.ListAsync()).Select(v => v.Status));
    }

    [Theory]
    [InlineData(2.0, 60, 110, 0.0, false)] // equal
    [InlineData(2.1, 63, 112, 0.0, false)] // within tolerance
    [InlineData(2.5, 60, 110, 0.0, true)]  // more false alarms
    [InlineData(2.0, 75, 110, 0.0, true)]  // slower by day
    [InlineData(2.0, 60, 110, 0.05, true)] // misses
    public void IsWorseThan_Figures_AllowsNoiseButNotRegressions(double fa, double day, double night, double miss, bool worse) =>
        Assert.Equal(worse, new ModelEvaluation(fa, day, night, miss, 40, 1.5).IsWorseThan(Good));

    private static ModelTrainingService Service(TestDatabase db, DetectionModelStore store, DetectionModelProvider provider, IModelEvaluator evaluator) =>
        new(new SeniorHistories(new ActivityHistory(db.DataSource)), store, provider, evaluator,
            Options.Create(new TrainingOptions { MinimumDaysPerSenior = 4 }), Options.Create(new MonitorOptions()),
            TimeProvider.System, NullLogger<ModelTrainingService>.Instance);

    // Two seniors with a plain synthetic routine: still at night, moving by day.
    private static async Task StoreHistoryAsync(TestDatabase db, int days)
    {
        var directory = new SeniorDirectory(db.DataSource, TimeProvider.System);
        var writer = new TelemetryWriter(db.DataSource);
        var bureau = await directory.AddBureauAsync("Bureau", "Europe/Berlin");
        var end = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        for (var s = 0; s < 2; s++)
        {
            var senior = await directory.AddSeniorAsync(bureau.Id, $"Senior {s}", "Europe/Berlin");
            var random = new Random(s);
            var minutes = Enumerable.Range(0, days * 1440).Select(i =>
            {
                var t = end.AddDays(-days).AddMinutes(i);
                var moving = t.Hour is >= 7 and < 22 ? random.NextDouble() < 0.6 : random.NextDouble() < 0.03;
                return new MinuteSummary(t, moving ? random.Next(50, 500) : random.Next(0, 3), 0, true);
            }).ToList();
            var batches = minutes.Chunk(TelemetryLimits.MaxMinutesPerBatch)
                .Select((chunk, i) => new IncomingTelemetry($"w{s}", senior.Id, new TelemetryBatch(i, 80, false, chunk, []), end)).ToList();
            await writer.WriteAsync(batches);
        }
    }
}
