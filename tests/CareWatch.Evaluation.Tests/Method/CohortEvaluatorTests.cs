using CareWatch.Detection.Baselines;
using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Metrics;

namespace CareWatch.Evaluation.Tests.Method;

public class CohortEvaluatorTests
{
    private static readonly EvaluationSettings Settings = new(Seed: 3, EmergenciesPerDay: 3);

    private static IReadOnlyList<CareWatch.Evaluation.Data.Recording> People() =>
        [Synthetic.Recording("a", 12, 1), Synthetic.Recording("b", 15, 2), Synthetic.Recording("c", 10, 3)];

    private static List<DetectorSummary> Run(EvaluationSettings settings, params DetectorEntry[] detectors) =>
        CohortEvaluator.Run("test", "synthetic", People(), detectors, null, settings).Detectors.Select(d => DetectorSummary.From(d)).ToList();

    [Fact]
    public void Run_AlwaysAlert_OneFalseAlarmPerEvaluationMinuteAndNoMiss()
    {
        var result = CohortEvaluator.Run("test", "synthetic", People(), [new DetectorEntry(new AlwaysAlertFactory(), DetectorKind.Model)], null, Settings);
        var s = DetectorSummary.From(result.Detectors[0]);
        var evaluationMinutes = result.People.Sum(p => p.Split.Evaluation.Count);
        Assert.Equal(evaluationMinutes, s.FalseAlarms);
        Assert.Equal(evaluationMinutes / DetectorSummary.MinutesPerMonth, s.PersonMonths, 6);
        Assert.Equal(0, s.MissRate);
        Assert.Equal(1, s.Day.MedianMinutes);
        Assert.Equal(1, s.Night.P90Minutes);
    }

    [Fact]
    public void Run_NeverAlert_NoFalseAlarmAndEverythingMissed()
    {
        var s = Run(Settings, new DetectorEntry(new NeverAlertFactory(), DetectorKind.Model))[0];
        Assert.Equal(0, s.FalseAlarms);
        Assert.Equal(1, s.MissRate);
        Assert.True(s.Day.Count + s.Night.Count > 0);
        Assert.Null(s.Day.MedianMinutes);
        Assert.Null(s.Night.P90Minutes);
    }

    [Fact]
    public void Run_TimerOnQuietEmergencies_DetectsAtItsLimit()
    {
        var s = Run(Settings, new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromHours(2)), DetectorKind.FixedTimer))[0];
        Assert.Equal(0, s.MissRate);
        Assert.Equal(120, s.Day.MedianMinutes);
        Assert.Equal(120, s.Night.MedianMinutes);
    }

    [Fact]
    public void Run_SameSeed_SameFigures()
    {
        var entries = new[] { new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromHours(1)), DetectorKind.FixedTimer) };
        var first = Run(Settings, entries).Select(s => s with { MicrosecondsPerObserve = 0, MicrosecondsPerCreate = 0 });
        var second = Run(Settings with { MaxParallelism = 1 }, entries).Select(s => s with { MicrosecondsPerObserve = 0, MicrosecondsPerCreate = 0 });
        Assert.Equal(first, second);
        var onsets = CohortEvaluator.Run("t", "s", People(), entries, null, Settings).People.SelectMany(p => p.Emergencies.Select(e => e.OnsetUtc));
        var again = CohortEvaluator.Run("t", "s", People(), entries, null, Settings).People.SelectMany(p => p.Emergencies.Select(e => e.OnsetUtc));
        var otherSeed = CohortEvaluator.Run("t", "s", People(), entries, null, Settings with { Seed = 4 }).People.SelectMany(p => p.Emergencies.Select(e => e.OnsetUtc));
        Assert.Equal(onsets, again);
        Assert.NotEqual(onsets, otherSeed);
    }

    [Fact]
    public void Run_ModelHook_TrainsOnTrainingMinutesOnly()
    {
        List<CareWatch.Detection.PersonHistory>? seen = null;
        var result = CohortEvaluator.Run("t", "s", People(), [], histories => { seen = [.. histories]; return [new DetectorEntry(new NeverAlertFactory(), DetectorKind.Model)]; }, Settings);
        Assert.NotNull(seen);
        Assert.Equal(3, seen.Count);
        foreach (var (history, person) in seen.Zip(result.People))
            Assert.True(history.Minutes.Max(m => m.Utc) < person.Split.EvaluationStartUtc);
        Assert.Equal(DetectorKind.Model, result.Detectors.Single().Entry.Kind);
    }
}
