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
    public string Name => _options.DayFloor == LearnedDetectorOptions.Default.DayFloor && _options.NightFloor == LearnedDetectorOptions.Default.NightFloor
        ? $"model α={Format.Alpha(_options.Alpha)}"
        : $"model α={Format.Alpha(_options.Alpha)}, floors {Format.Duration(_options.DayFloor)} / {Format.Duration(_options.NightFloor)}";

    /// <summary>The same model at another sensitivity, sharing compiled curves.</summary>
    public LearnedDetectorFactory WithAlpha(double alpha) => With(_options with { Alpha = alpha });

    /// <summary>The same model with other options (sensitivity, floors), sharing compiled curves.</summary>
    public LearnedDetectorFactory With(LearnedDetectorOptions options) => new(_model, options, _compiled);

    /// <inheritdoc />
    public IInactivityDetector CreateFor(PersonHistory personTraining) =>
        new LearnedDetector(_compiled.GetOrAdd(personTraining.PersonId, _ => PersonSurvival.Compile(_model, personTraining.Minutes)), _options);
}
