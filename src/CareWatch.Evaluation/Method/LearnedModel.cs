using CareWatch.Detection.CheckIn;
using CareWatch.Detection.Model;

namespace CareWatch.Evaluation.Method;

/// <summary>Where the learned model plugs into the harness.</summary>
public static class LearnedModel
{
    /// <summary>
    /// Sensitivities swept with the shipped safety floors (4 h day / 10 h night): survival thresholds α from
    /// cautious to eager. Without a check-in the 4 h day floor alone raises about as many false alarms as a 4 h
    /// timer; with one, an alert is first a question to the senior, so the eager end is where the check-in pays.
    /// </summary>
    public static IReadOnlyList<double> Alphas { get; } = [1e-5, 3e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3];

    /// <summary>
    /// Two-stage sensitivities: an eager α by day (a prompt is cheap when she is up) with a cautious α at night
    /// (waking a sleeping senior has a cost of its own, and night still periods are long by nature).
    /// </summary>
    public static IReadOnlyList<(double Day, double Night)> DayNightAlphas { get; } =
    [
        (0.1, 1e-4), (0.1, 0.001), (0.1, 0.01), (0.2, 1e-4), (0.2, 0.001), (0.2, 0.01), (0.3, 0.001), (0.3, 0.01),
    ];

    /// <summary>
    /// Sensitivities that ask again more cautiously right after the senior answered OK (day α, night α, α after an OK):
    /// an answered prompt is followed by more rest as often as not, and asking again at the usual limit nags.
    /// </summary>
    public static IReadOnlyList<(double Day, double Night, double Answered)> AnsweredAlphas { get; } =
    [
        (0.003, 0.003, 1e-5), (0.01, 0.001, 1e-5), (0.03, 0.001, 1e-5), (0.1, 0.001, 1e-5), (0.1, 0.001, 1e-7), (0.2, 0.001, 1e-7),
        (0.01, 1e-4, 1e-5), (0.03, 1e-4, 1e-5), (0.1, 1e-4, 1e-5),
    ];

    /// <summary>
    /// Per-person calibrated sensitivities (day prompt budget, night α): each person's day α is the most sensitive one,
    /// up to 0.3, that stays within the budget on their own training days (<see cref="PromptBudget"/>); 1e-5 after an OK.
    /// </summary>
    public static IReadOnlyList<(double Budget, double Night)> Budgets { get; } =
        [(0.2, 0.001), (0.3, 0.001), (0.4, 0.001), (0.3, 0.003), (0.5, 0.003), (0.2, 1e-4), (0.3, 1e-4), (0.4, 1e-4)];

    /// <summary>
    /// The cautious end of the curve: smaller α with 12 h floors by day and night — the fixed timers' setting
    /// in home units today — so that the curve reaches the false-alarm rates of the 4–12 h timers and the
    /// comparison with them is made at floors a bureau would really configure.
    /// </summary>
    public static IReadOnlyList<double> CautiousAlphas { get; } = [1e-12, 1e-10, 1e-8, 1e-7, 1e-6];

    /// <summary>The floors of the cautious sensitivities.</summary>
    public static TimeSpan CautiousFloor { get; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Trains the hazard model once on the population's training histories and offers one entry per sensitivity,
    /// plus the shipped sensitivity under the other policy (its safety floor calls staff without asking).
    /// </summary>
    public static ModelHook Hook { get; } = histories =>
    {
        var model = HazardModel.Train(histories);
        var factory = new LearnedDetectorFactory(model, LearnedDetectorOptions.Default);
        var cautious = CautiousAlphas.Select(a => factory.With(
            LearnedDetectorOptions.Default with { Alpha = a, DayFloor = CautiousFloor, NightFloor = CautiousFloor }));
        var dayNight = DayNightAlphas.Select(a => factory.With(LearnedDetectorOptions.Default with { Alpha = a.Day, NightAlpha = a.Night }));
        var answered = AnsweredAlphas.Select(a => factory.With(
            LearnedDetectorOptions.Default with { Alpha = a.Day, NightAlpha = a.Night, AnsweredAlpha = a.Answered }));
        var budgets = Budgets.Select(b => factory.With(
            LearnedDetectorOptions.Default with { Alpha = 0.3, NightAlpha = b.Night, AnsweredAlpha = 1e-5, DayPromptBudget = b.Budget }));
        var shipped = new DetectorEntry(factory.With(LearnedDetectorOptions.WithCheckIn), DetectorKind.Model, new StagePolicy(FloorCallsStaff: true));
        return [.. Alphas.Select(factory.WithAlpha).Concat(dayNight).Concat(answered).Concat(budgets).Concat(cautious).Select(f => new DetectorEntry(f, DetectorKind.Model)), shipped];
    };
}
