using System.Diagnostics;
using CareWatch.Detection.Baselines;
using CareWatch.Detection.CheckIn;
using CareWatch.Detection.Evaluation;

namespace CareWatch.Detection.Tests.CheckIn;

/// <summary>The check-in in the evaluation loop, on a made-up person who rests 13:00–18:00 every day and moves otherwise.</summary>
public sealed class CheckInRunsTests
{
    private static readonly DateTime Start = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ActivityMinute[] Minutes = Person(days: 12);
    private static readonly PersonSplit Split = PersonSplit.Create(Minutes)!;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly AnswerModel Always = AnswerModel.Default with { FirstDay = 1, FirstNight = 1 };
    private static readonly AnswerModel Never = AnswerModel.Default with { FirstDay = 0, FirstNight = 0, SecondDay = 0, SecondNight = 0 };

    [Fact]
    public void Untouched_SeniorAlwaysAnswers_SheIsAskedAgainAfterEachAnswerAndStaffAreNeverCalled()
    {
        var result = Run(Always);

        // 5 h of rest a day, a 1 h timer, and each OK starts a new still period: 4 prompts per afternoon.
        Assert.Equal(4 * Split.EvaluationDays.Count, result.DayPrompts);
        Assert.Equal(0, result.DayStaffAlarms + result.NightStaffAlarms);
    }

    [Fact]
    public void Untouched_NobodyAnswers_TwoPromptsAndOneStaffAlarmPerStillPeriod()
    {
        var result = Run(Never);

        Assert.Equal(2 * Split.EvaluationDays.Count, result.DayPrompts);
        Assert.Equal(Split.EvaluationDays.Count, result.DayStaffAlarms);
    }

    [Fact]
    public void Untouched_SheGetsUpDuringTheCheckIn_NobodyIsCalled()
    {
        // The 1 h timer prompts at 14:00; she gets up at 14:03 by herself (before the second prompt and the staff call).
        var minutes = Minutes.Select(m => m.Local.TimeOfDay >= new TimeSpan(14, 3, 0) ? m with { Activity = 400 } : m).ToArray();
        var split = PersonSplit.Create(minutes)!;
        var result = CheckInRuns.Untouched(Timer(), split, DayBand.Default, Never, StagePolicy.Default, new Random(1), new Stopwatch());

        Assert.Equal(0, result.DayStaffAlarms + result.NightStaffAlarms);
        Assert.Equal(split.EvaluationDays.Count, result.DayPrompts); // one prompt a day, no second
    }

    [Fact]
    public void StaffDelay_TimerWithCheckIn_IsTheTimerPlusTheCheckIn()
    {
        var emergency = Emergency();

        var alone = DetectorRuns.Delay(Timer(), emergency, new Stopwatch());
        var withCheckIn = CheckInRuns.StaffDelay(Timer(), emergency, AnswerModel.Default, StagePolicy.Default, new Stopwatch());

        Assert.Equal(Hour, alone);
        Assert.Equal(alone + AnswerModel.Default.StaffAfter, withCheckIn);
    }

    [Fact]
    public void StaffDelay_PolicyCallsStaffAtTheFloor_NoPromptMinutes()
    {
        var floorOnly = new StagePolicy(FloorCallsStaff: true);
        var survival = new FloorOnly();

        Assert.Equal(Hour, CheckInRuns.StaffDelay(survival, Emergency(), AnswerModel.Default, floorOnly, new Stopwatch()));
        Assert.Equal(Hour + AnswerModel.Default.StaffAfter,
            CheckInRuns.StaffDelay(new FloorOnly(), Emergency(), AnswerModel.Default, StagePolicy.Default, new Stopwatch()));
    }

    private static CheckInResult Run(AnswerModel answers) =>
        CheckInRuns.Untouched(Timer(), Split, DayBand.Default, answers, StagePolicy.Default, new Random(1), new Stopwatch());

    private static TimerDetector Timer() => new(StillDefinition.Default, Hour, Hour, DayBand.Default);

    // An emergency at 09:00 of the last day: she was moving before it.
    private static Emergency Emergency()
    {
        var moving = Array.FindLastIndex(Minutes, m => m.Local.Hour == 8 && m.Local.Minute == 59);
        return EmergencyInjector.Build(Minutes, moving, new RestingPool([0], FromNight: true), new Random(2));
    }

    private static ActivityMinute[] Person(int days) =>
        Enumerable.Range(0, days * 1440).Select(i => Start.AddMinutes(i))
            .Select(t => new ActivityMinute(t, t, t.Hour is >= 13 and < 18 ? 0 : 300, Worn: true)).ToArray();

    /// <summary>A detector whose only reason is a 1 h safety floor (as the learned model's facts say it).</summary>
    private sealed class FloorOnly : IInactivityDetector
    {
        private readonly TimerDetector _timer = new(StillDefinition.Default, Hour, Hour, DayBand.Default);
        public DateTime? StillSince => _timer.StillSince;
        public InactivityFacts? Facts => new(AlertTrigger.SafetyFloor, Hour);
        public DetectorOutput Observe(in ActivityMinute minute) => _timer.Observe(minute);
    }
}
