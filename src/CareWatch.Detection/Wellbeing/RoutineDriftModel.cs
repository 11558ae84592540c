using Microsoft.ML;
using Microsoft.ML.Data;

namespace CareWatch.Detection.Wellbeing;

/// <summary>
/// A person's usual days. ML.NET's RandomizedPca anomaly detector over daily profiles catches days whose
/// *shape* is unusual (activity at other hours); PCA reconstructs a day that is only quieter or louder
/// overall well, so the level features (total, rising time, night restlessness) are also checked against
/// their usual spread (more than 3 standard deviations). Several unusual days make a wellbeing insight.
/// </summary>
public sealed class RoutineDriftModel
{
    /// <summary>Fewest usual days to learn a routine from.</summary>
    public const int MinimumBaselineDays = 10;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly float _threshold;
    private readonly IReadOnlyList<DailyProfile> _baseline;
    private readonly (double Mean, double Sd)[] _levels;

    private RoutineDriftModel(MLContext ml, ITransformer model, float threshold, IReadOnlyList<DailyProfile> baseline)
    {
        _ml = ml;
        _model = model;
        _threshold = threshold;
        _baseline = baseline;
        _levels = [.. Enumerable.Range(0, 3).Select(i => MeanSd(baseline.Select(d => Levels(d)[i])))];
    }

    /// <summary>Learns the routine from baseline days; null with fewer than <see cref="MinimumBaselineDays"/>.</summary>
    public static RoutineDriftModel? Train(IReadOnlyList<DailyProfile> baseline, int seed = 11)
    {
        if (baseline.Count < MinimumBaselineDays) return null;
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(baseline.Select(ToRow));
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.AnomalyDetection.Trainers.RandomizedPca("Features", rank: 3, ensureZeroMean: true, seed: seed));
        var model = pipeline.Fit(data);
        var scores = Score(ml, model, baseline);
        // An unusual day scores above every usual one, with a margin for days not seen in training.
        var threshold = scores.Max() * 1.25f;
        return new RoutineDriftModel(ml, model, threshold, baseline);
    }

    /// <summary>Scores recent days and says whether the routine has drifted, in plain words.</summary>
    public DriftAssessment Assess(IReadOnlyList<DailyProfile> recent, int unusualDaysNeeded = 3)
    {
        var scores = Score(_ml, _model, recent);
        var unusual = recent.Where((day, i) => scores[i] > _threshold || LevelIsUnusual(day)).Count();
        if (unusual < unusualDaysNeeded) return new DriftAssessment(false, unusual, []);
        return new DriftAssessment(true, unusual, DriftDescription.Changes(_baseline, recent));
    }

    private static float[] Score(MLContext ml, ITransformer model, IReadOnlyList<DailyProfile> days)
    {
        var scored = model.Transform(ml.Data.LoadFromEnumerable(days.Select(ToRow)));
        return ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false).Select(r => r.Score).ToArray();
    }

    private bool LevelIsUnusual(DailyProfile day)
    {
        var levels = Levels(day);
        // The floor on the spread keeps a very regular person's small wobble from counting as unusual.
        return levels.Select((x, i) => Math.Abs(x - _levels[i].Mean) / Math.Max(_levels[i].Sd, 0.05 * Math.Abs(_levels[i].Mean) + 0.02))
            .Any(z => z > 3);
    }

    private static double[] Levels(DailyProfile d) => [d.Total, d.RisingHour, d.NightRestlessness];

    private static (double Mean, double Sd) MeanSd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, v.Length - 1)));
    }

    private static FeatureRow ToRow(DailyProfile p) => new() { Features = p.Features() };

    private sealed class FeatureRow
    {
        [VectorType(15)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}

/// <summary>Whether a senior's routine has drifted, with the changes found (none when it has not).</summary>
public sealed record DriftAssessment(bool Drifted, int UnusualDays, IReadOnlyList<DriftChange> Facts)
{
    /// <summary>The changes in English, as the insight's stored summary says them.</summary>
    public IReadOnlyList<string> Changes => [.. Facts.Select(f => f.English)];
}
