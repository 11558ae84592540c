using CareWatch.Detection.CheckIn;
using CareWatch.Detection.Evaluation;

namespace CareWatch.Evaluation.Metrics;

/// <summary>
/// One detector with the check-in in the loop: how often the watch asks, how often staff are called for nothing,
/// and how long from onset to the staff alarm in an emergency (the prompts' minutes included).
/// </summary>
/// <param name="DayPromptsPerPersonDay">Prompts shown by day, per worn person-day.</param>
/// <param name="NightPromptsPerPersonMonth">Prompts shown at night, per worn person-month.</param>
/// <param name="StaffFalseAlarms">Staff alarms on the untouched days (nobody answered, or the policy called staff).</param>
/// <param name="StaffFalseAlarmsPerPersonMonth">The same per worn person-month.</param>
/// <param name="Day">Onset to staff alarm for daytime onsets.</param>
/// <param name="Night">The same for night-time onsets.</param>
/// <param name="Sweep">The untouched days under the sweep's other answer models.</param>
public sealed record TwoStageSummary(
    double DayPromptsPerPersonDay, double NightPromptsPerPersonMonth, int StaffFalseAlarms, double StaffFalseAlarmsPerPersonMonth,
    DelayStats Day, DelayStats Night, IReadOnlyList<SweepPoint> Sweep)
{
    /// <summary>Equal figures, the sweep compared point by point (a rerun with the same seed gives equal summaries).</summary>
    public bool Equals(TwoStageSummary? other) =>
        other is not null && DayPromptsPerPersonDay.Equals(other.DayPromptsPerPersonDay)
        && NightPromptsPerPersonMonth.Equals(other.NightPromptsPerPersonMonth) && StaffFalseAlarms == other.StaffFalseAlarms
        && StaffFalseAlarmsPerPersonMonth.Equals(other.StaffFalseAlarmsPerPersonMonth) && Day == other.Day && Night == other.Night
        && Sweep.SequenceEqual(other.Sweep);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StaffFalseAlarms, Day, Night, Sweep.Count);

    /// <summary>Summarises the check-in figures of one detector's per-person outcomes.</summary>
    public static TwoStageSummary From(IReadOnlyList<PersonOutcome> people, IReadOnlyList<AnswerModel> sweep)
    {
        var delays = people.SelectMany(p => p.StaffDelays).ToList();
        var main = Rates(people.Select(p => p.CheckIn).ToList());
        return new TwoStageSummary(main.DayPrompts, main.NightPrompts, main.Staff, main.StaffRate,
            DelayStats.From(delays.Where(d => d.Day).Select(d => d.Delay)),
            DelayStats.From(delays.Where(d => !d.Day).Select(d => d.Delay)),
            sweep.Select((model, i) =>
            {
                var r = Rates(people.Select(p => p.Sweep[i]).ToList());
                return new SweepPoint(model, r.DayPrompts, r.NightPrompts, r.StaffRate);
            }).ToList());
    }

    private static (double DayPrompts, double NightPrompts, int Staff, double StaffRate) Rates(IReadOnlyList<CheckInResult> results)
    {
        var minutes = results.Sum(r => (double)r.WornMinutes);
        if (minutes == 0) return (0, 0, 0, 0);
        var (days, months) = (minutes / 1440, minutes / DetectorSummary.MinutesPerMonth);
        var staff = results.Sum(r => r.DayStaffAlarms + r.NightStaffAlarms);
        return (results.Sum(r => r.DayPrompts) / days, results.Sum(r => r.NightPrompts) / months, staff, staff / months);
    }
}

/// <summary>The untouched days under one answer model of the sweep.</summary>
public sealed record SweepPoint(AnswerModel Answers, double DayPromptsPerPersonDay, double NightPromptsPerPersonMonth,
    double StaffFalseAlarmsPerPersonMonth);
