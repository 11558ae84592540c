using CareWatch.Detection;
using CareWatch.Detection.CheckIn;
using CareWatch.FirmwareSim.Routine;

namespace CareWatch.FirmwareSim.CheckIn;

/// <summary>
/// Who answers "Are you OK?" and when: a pure function of the run's seed, the watch, the alert and the prompt
/// number, so a rerun with the same seed answers the same prompts the same way whatever order they arrive in.
/// </summary>
/// <param name="Seed">The run's seed (<c>--seed</c>).</param>
/// <param name="WatchIndex">The watch's position in the fleet (keeps two seniors' draws apart).</param>
/// <param name="Role">How this senior answers.</param>
/// <param name="OkProbability">A healthy senior's chance of pressing OK on the first prompt by day, 0–1; at night and on the
/// second prompt she answers as the evaluation's <see cref="AnswerModel"/> says (docs/detection.md), so the demo shows
/// what the report measured.</param>
/// <param name="OkDelay">How long after the prompt appears she presses OK.</param>
public sealed record CheckInAnswers(int Seed, int WatchIndex, CheckInRole Role, double OkProbability, TimeSpan OkDelay)
{
    /// <summary>The default chance that a healthy senior answers (<c>--ok-probability</c>).</summary>
    public const double DefaultOkProbability = 0.9;

    /// <summary>The default delay (<c>--ok-delay-seconds</c>): well inside the server's default 2-minute window.</summary>
    public static readonly TimeSpan DefaultOkDelay = TimeSpan.FromSeconds(20);

    // Keeps these draws apart from the routine's, which use the same seed.
    private const long Purpose = 0x0C4EC41;

    /// <summary>The senior's time zone: whether a prompt comes by day or at night is read on her clock.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>How a healthy senior answers: the evaluation's default model, with this run's chance by day.</summary>
    public AnswerModel Answers => AnswerModel.Default with { FirstDay = OkProbability };

    /// <summary>
    /// How long after prompt <paramref name="prompt"/> of alert <paramref name="alertId"/>, shown at <paramref name="shownUtc"/>,
    /// she presses OK; null: never.
    /// </summary>
    public TimeSpan? DelayFor(long alertId, int prompt, DateTime shownUtc) => Role switch
    {
        CheckInRole.Collapsed => null,
        CheckInRole.Dozing => OkDelay,
        _ => new SeededRandom(Seed, Purpose, WatchIndex, alertId, prompt).Chance(Answers.Chance(Math.Clamp(prompt, 1, 2), IsDay(shownUtc)))
            ? OkDelay : null,
    };

    private bool IsDay(DateTime utc) =>
        DayBand.Default.IsDay(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone));

    /// <summary>The role of the watch at <paramref name="index"/>: the first ones collapsed, then the dozing ones.</summary>
    public static CheckInRole RoleOf(int index, int stillWatches, int dozingWatches) =>
        index < stillWatches ? CheckInRole.Collapsed
        : index < stillWatches + dozingWatches ? CheckInRole.Dozing
        : CheckInRole.Healthy;
}
