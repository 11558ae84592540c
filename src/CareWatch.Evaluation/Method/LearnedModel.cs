using CareWatch.Detection;
using CareWatch.Detection.Model;

namespace CareWatch.Evaluation.Method;

/// <summary>Where the learned model plugs into the harness.</summary>
public static class LearnedModel
{
    /// <summary>
    /// Sensitivities swept for the trade-off curve: survival thresholds α around the shipped 0.003, from
    /// cautious to eager. The safety floors (4 h day / 10 h night) are the product's defaults.
    /// </summary>
    public static IReadOnlyList<double> Alphas { get; } = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];

    /// <summary>
    /// Trains the hazard model once on the population's training histories and offers one factory per α,
    /// plus one cautious variant with longer floors (8 h / 12 h): the 4 h day floor alone raises about as
    /// many false alarms as a 4 h timer, so the low false-alarm end of the curve needs longer floors.
    /// </summary>
    public static ModelHook Hook { get; } = histories =>
    {
        var model = HazardModel.Train(histories);
        var factory = new LearnedDetectorFactory(model, LearnedDetectorOptions.Default);
        var cautious = factory.With(LearnedDetectorOptions.Default with { Alpha = 0.0001, DayFloor = TimeSpan.FromHours(8), NightFloor = TimeSpan.FromHours(12) });
        return [.. Alphas.Select(a => (IDetectorFactory)factory.WithAlpha(a)), cautious];
    };
}
