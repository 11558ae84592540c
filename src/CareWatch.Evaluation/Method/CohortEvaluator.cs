using System.Diagnostics;
using CareWatch.Detection;
using CareWatch.Evaluation.Data;

namespace CareWatch.Evaluation.Method;

/// <summary>Evaluates a list of detectors (and optionally the learned model) on a cohort, two people at a time.</summary>
public static class CohortEvaluator
{
    /// <summary>Runs the evaluation. Results are in person order whatever the thread timing, so they are deterministic.</summary>
    public static CohortResult Run(
        string name, string source, IReadOnlyList<Recording> recordings, IReadOnlyList<DetectorEntry> baselines,
        ModelHook? model, EvaluationSettings settings)
    {
        var prepared = new PersonEvaluator.Prepared?[recordings.Count];
        Parallel.For(0, recordings.Count, Options(settings), i => prepared[i] = PersonEvaluator.Prepare(recordings[i].Id, recordings[i].Minutes, settings));
        var people = prepared.OfType<PersonEvaluator.Prepared>().ToList();
        var skipped = recordings.Where((r, i) => prepared[i] is null).Select(r => r.Id).ToList();

        var entries = new List<DetectorEntry>(baselines);
        TimeSpan? training = null;
        string? modelError = null;
        if (model is not null && people.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                // Population training sees training days only, never anyone's evaluation days.
                var sensitivities = model(people.Select(p => p.Training).ToList()).ToList();
                training = clock.Elapsed;
                entries.AddRange(sensitivities);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // Too little data to train (e.g. a tiny folder): the baselines still say something useful.
                modelError = ex.Message;
            }
        }

        var outcomes = new PersonOutcome[entries.Count, people.Count];
        var work = Enumerable.Range(0, people.Count).ToList();
        Parallel.ForEach(work, Options(settings), p =>
        {
            for (var d = 0; d < entries.Count; d++)
                outcomes[d, p] = PersonEvaluator.Run(people[p], entries[d].Factory, settings with { Stage = entries[d].Stage ?? settings.Stage });
        });
        var detectors = entries.Select((e, d) => new DetectorOutcomes(e, Enumerable.Range(0, people.Count).Select(p => outcomes[d, p]).ToList())).ToList();

        var (notWorn, all) = WearByHour(recordings);
        var wear = recordings.Count > 0 && recordings.All(r => r.WearSource == WearSource.Sensor) ? WearSource.Sensor : WearSource.NonWearRule;
        return new CohortResult(name, source, people, detectors, notWorn, all, wear, training, skipped) {
            ModelError = modelError, Answers = settings.Answers, AnswerSweep = settings.AnswerSweep,
        };
    }

    private static (long[] NotWorn, long[] All) WearByHour(IReadOnlyList<Recording> recordings)
    {
        long[] notWorn = new long[24], all = new long[24];
        foreach (var r in recordings)
            foreach (var m in r.Minutes)
            {
                all[m.Local.Hour]++;
                if (!m.Worn) notWorn[m.Local.Hour]++;
            }
        return (notWorn, all);
    }

    private static ParallelOptions Options(EvaluationSettings settings) => new() { MaxDegreeOfParallelism = Math.Clamp(settings.MaxParallelism, 1, 2) };
}
