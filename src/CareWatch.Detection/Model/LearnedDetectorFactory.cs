using System.Collections.Concurrent;

namespace CareWatch.Detection.Model;

/// <summary>
/// Learned detectors at one sensitivity. Curves are compiled once per person and shared between
/// sensitivities (see <see cref="WithAlpha"/>), so a sweep costs one compilation per person.
/// </summary>
public sealed class LearnedDetectorFactory : IDetectorFactory
{
    private readonly HazardModel _model;
    private readonly LearnedDetectorOptions _options;
    private readonly ConcurrentDictionary<string, PersonSurvival> _compiled;
    private readonly ConcurrentDictionary<string, LearnedDetectorOptions> _calibrated = new();

    /// <summary>A factory over a trained model.</summary>
    public LearnedDetectorFactory(HazardModel model, LearnedDetectorOptions options)
        : this(model, options, new ConcurrentDictionary<string, PersonSurvival>()) { }

    private LearnedDetectorFactory(HazardModel model, LearnedDetectorOptions options, ConcurrentDictionary<string, PersonSurvival> compiled)
    {
        _model = model;
        _options = options;
        _compiled = compiled;
    }

    /// <summary>The detectors' settings (sensitivity and safety floors).</summary>
    public LearnedDetectorOptions Options => _options;

    /// <inheritdoc />
    public string Name => NameOf(_options);

    /// <summary>The report's name for a sensitivity, e.g. "model α=0.003, 1e-5 after an OK".</summary>
    public static string NameOf(LearnedDetectorOptions o) =>
        (o.NightAlpha is { } night && night != o.Alpha
            ? $"model α={Format.Alpha(o.Alpha)} day / {Format.Alpha(night)} night"
            : $"model α={Format.Alpha(o.Alpha)}")
        + (o.AnsweredAlpha is { } answered ? $", {Format.Alpha(answered)} after an OK" : "")
        + (o.DayPromptBudget is { } budget ? $", day budget {budget.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} prompts/day" : "")
        + (o.DayFloor == LearnedDetectorOptions.Default.DayFloor && o.NightFloor == LearnedDetectorOptions.Default.NightFloor
            ? "" : $", floors {Format.Duration(o.DayFloor)} / {Format.Duration(o.NightFloor)}");

    /// <summary>The same model at another sensitivity, sharing compiled curves.</summary>
    public LearnedDetectorFactory WithAlpha(double alpha) => With(_options with { Alpha = alpha });

    /// <summary>The same model with other options (sensitivity, floors), sharing compiled curves.</summary>
    public LearnedDetectorFactory With(LearnedDetectorOptions options) => new(_model, options, _compiled);

    /// <inheritdoc />
    public IInactivityDetector CreateFor(PersonHistory personTraining)
    {
        var survival = _compiled.GetOrAdd(personTraining.PersonId, _ => PersonSurvival.Compile(_model, personTraining.Minutes));
        var options = _calibrated.GetOrAdd(personTraining.PersonId, _ => PromptBudget.Calibrate(survival, personTraining.Minutes, _options));
        return new LearnedDetector(survival, options);
    }
}
