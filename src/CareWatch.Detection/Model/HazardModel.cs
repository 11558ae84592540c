using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace CareWatch.Detection.Model;

/// <summary>
/// A discrete-time survival model of still periods, trained with ML.NET LightGBM on the population:
/// the hazard h(t) = P(a still period ends within the next step | it has lasted t minutes, time of day,
/// weekday, the person's own history). Personal history enters as features (<see cref="PersonProfile"/>),
/// so one population model serves every senior and personalises as their days accumulate.
/// </summary>
public sealed class HazardModel
{
    /// <summary>Step of the discrete time axis, in minutes.</summary>
    public const int StepMinutes = 5;

    /// <summary>The longest still period the model reasons about (12 h); the safety floor covers beyond.</summary>
    public const int HorizonMinutes = 720;

    /// <summary>Days of own history at which a senior's profile counts half (population prior the other half).</summary>
    public const double HalfWeightDays = 7;

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;

    internal HazardModel(MLContext ml, ITransformer transformer, PersonProfile populationProfile, StillDefinition populationStill)
    {
        _ml = ml;
        _transformer = transformer;
        PopulationProfile = populationProfile;
        PopulationStill = populationStill;
    }

    /// <summary>The cold-start prior: the population's median profile.</summary>
    public PersonProfile PopulationProfile { get; }

    /// <summary>The still definition used before a senior has enough data of their own.</summary>
    public StillDefinition PopulationStill { get; }

    /// <summary>Trains on the population's histories (training days only). Deterministic for a seed.</summary>
    public static HazardModel Train(IReadOnlyList<PersonHistory> population, int seed = 7)
    {
        var ml = new MLContext(seed);
        var stills = population.Select(p => StillDefinition.Learn(p.Minutes, StillDefinition.Default)).ToList();
        var profiles = population.Select((p, i) => PersonProfile.Build(p.Minutes, stills[i])).ToList();
        var rows = new List<HazardRow>();
        for (var i = 0; i < population.Count; i++)
            AddCrossFittedRows(population[i], stills[i], rows);

        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(HazardRow.Label),
            FeatureColumnName = "Features",
            NumberOfLeaves = 31,
            NumberOfIterations = 200,
            LearningRate = 0.05,
            MinimumExampleCountPerLeaf = 50,
            NumberOfThreads = 1,
            Deterministic = true,
            ForceRowWise = true,
            Seed = seed,
        });
        var pipeline = ml.Transforms.Concatenate("Features", HazardRow.FeatureColumns).Append(trainer);
        var transformer = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
        var populationStill = new StillDefinition(
            Median(stills.Select(s => s.Floor)), Median(stills.Select(s => s.ActiveLevel)), Median(stills.Select(s => s.Ceiling)));
        return new HazardModel(ml, transformer, PersonProfile.Average(profiles), populationStill);
    }

    /// <summary>Folds for cross-fitting the personal features.</summary>
    public const int Folds = 3;

    /// <summary>
    /// Training rows whose personal features come from the person's *other* days (cross-fitting): a profile
    /// built on the same days as the period it describes would contain that very period, and the model
    /// would learn that no still period ever outlasts the person's longest — which new days often do.
    /// </summary>
    internal static void AddCrossFittedRows(PersonHistory history, StillDefinition still, List<HazardRow> rows)
    {
        var days = history.Minutes.Select(m => DateOnly.FromDateTime(m.Local)).Distinct().Order().ToList();
        if (days.Count < Folds)
        {
            AddTrainingRows(history, still, PersonProfile.Build(history.Minutes, still), rows);
            return;
        }
        int FoldOf(ActivityMinute m) => days.BinarySearch(DateOnly.FromDateTime(m.Local)) % Folds;
        for (var fold = 0; fold < Folds; fold++)
        {
            var others = history.Minutes.Where(m => FoldOf(m) != fold).ToList();
            var own = history.Minutes.Where(m => FoldOf(m) == fold).ToList();
            var profile = PersonProfile.Build(others, still);
            // The other folds cover (Folds - 1) / Folds of the days; a new senior's profile will cover all of theirs.
            AddTrainingRows(history with { Minutes = own }, still, profile, rows);
        }
    }

    /// <summary>Adds the rows of every still period in a history, with the given personal profile.</summary>
    internal static void AddTrainingRows(PersonHistory history, StillDefinition still, PersonProfile profile, List<HazardRow> rows)
    {
        foreach (var period in StillPeriods.Extract(history.Minutes, still, PersonProfile.MinimumPeriodMinutes))
        {
            for (var t = PersonProfile.MinimumPeriodMinutes; t <= HorizonMinutes; t += StepMinutes)
            {
                var endsInStep = period.Minutes < t + StepMinutes;
                if (endsInStep && period.Censored) break; // unknown whether it ended or the data did
                rows.Add(HazardRow.Create(period.StartLocal, t, profile, label: endsInStep));
                if (endsInStep) break;
            }
        }
    }

    /// <summary>Hazard for each row, in order.</summary>
    internal float[] PredictHazards(IReadOnlyList<HazardRow> rows)
    {
        var scored = _transformer.Transform(_ml.Data.LoadFromEnumerable(rows));
        return _ml.Data.CreateEnumerable<HazardPrediction>(scored, reuseRowObject: true).Select(p => p.Probability).ToArray();
    }

    /// <summary>Saves the trained pipeline (ML.NET zip format).</summary>
    public void Save(Stream stream) =>
        _ml.Model.Save(_transformer, _ml.Data.LoadFromEnumerable(Array.Empty<HazardRow>()).Schema, stream);

    /// <summary>Loads a pipeline saved by <see cref="Save"/> with its population prior.</summary>
    public static HazardModel Load(Stream stream, PersonProfile populationProfile, StillDefinition populationStill)
    {
        var ml = new MLContext();
        var transformer = ml.Model.Load(stream, out _);
        return new HazardModel(ml, transformer, populationProfile, populationStill);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
