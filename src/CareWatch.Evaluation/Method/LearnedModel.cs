using CareWatch.Detection;
using CareWatch.Detection.Model;

namespace CareWatch.Evaluation.Method;

/// <summary>Where the learned model plugs into the harness.</summary>
public static class LearnedModel
{
    /// <summary>
    /// Sensitivities swept with the shipped safety floors (4 h day / 10 h night): survival thresholds α from
    /// cautious to eager, around the shipped 3e-5. The 4 h day floor alone raises about as many false alarms
    /// as a 4 h timer, so these cannot go below about 2 false alarms per person-month.
    /// </summary>
    public static IReadOnlyList<double> Alphas { get; } = [1e-5, 3e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1];

    /// <summary>
    /// The cautious end of the curve: smaller α with 12 h floors by day and night — the fixed timers' setting
    /// in home units today — so that the curve reaches the false-alarm rates of the 4–12 h timers and the
    /// comparison with them is made at floors a bureau would really configure.
    /// </summary>
    public static IReadOnlyList<double> CautiousAlphas { get; } = [1e-12, 1e-10, 1e-8, 1e-7, 1e-6];

    /// <summary>The floors of the cautious sensitivities.</summary>
    public static TimeSpan CautiousFloor { get; } = TimeSpan.FromHours(12);

    /// <summary>Trains the hazard model once on the population's training histories and offers one factory per sensitivity.</summary>
    public static ModelHook Hook { get; } = histories =>
    {
        var model = HazardModel.Train(histories);
        var factory = new LearnedDetectorFactory(model, LearnedDetectorOptions.Default);
        var cautious = CautiousAlphas.Select(a => (IDetectorFactory)factory.With(
            LearnedDetectorOptions.Default with { Alpha = a, DayFloor = CautiousFloor, NightFloor = CautiousFloor }));
        return [.. Alphas.Select(a => (IDetectorFactory)factory.WithAlpha(a)), .. cautious];
    };
}
