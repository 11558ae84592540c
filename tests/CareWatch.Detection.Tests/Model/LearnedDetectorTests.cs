using CareWatch.Detection.Model;

namespace CareWatch.Detection.Tests.Model;

/// <summary>Trains the real ML.NET model on small synthetic people (a few seconds).</summary>
public sealed class LearnedDetectorTests
{
    private static readonly Lazy<HazardModel> Model = new(() =>
        HazardModel.Train(Enumerable.Range(0, 6).Select(i => SyntheticPeople.Person($"p{i}", days: 10, seed: i)).ToList()));

    [Fact]
    public void AlertAfter_DayVersusNight_DayAlertsSoonerBecauseDayRestIsShort()
    {
        var survival = PersonSurvival.Compile(Model.Value, SyntheticPeople.Person("x", 10, seed: 99).Minutes);

        var day = survival.AlertAfter(new DateTime(2024, 3, 6, 14, 0, 0), 0.01);
        var night = survival.AlertAfter(new DateTime(2024, 3, 6, 2, 0, 0), 0.01);

        Assert.NotNull(day);
        Assert.True(day < TimeSpan.FromMinutes(90), $"day threshold {day}");
        Assert.True(night is null || night > day, $"night {night} vs day {day}");
    }

    [Fact]
    public void Observe_EmergencyAtMidday_AlertsBeforeSafetyFloorWithExplanation()
    {
        var factory = new LearnedDetectorFactory(Model.Value, LearnedDetectorOptions.Default with { Alpha = 0.01 });
        var person = SyntheticPeople.Person("y", days: 12, seed: 42);
        var training = new PersonHistory("y", person.Minutes.Where(m => m.Utc < SyntheticPeople.Start.AddDays(10)).ToList());
        var onset = SyntheticPeople.Start.AddDays(10).AddHours(12);
        var detector = factory.CreateFor(training);

        var alert = SyntheticPeople.WithEmergency(person, onset, seed: 5)
            .Where(m => m.Utc >= onset.AddHours(-3))
            .Select(m => (m.Utc, Output: detector.Observe(m)))
            .First(x => x.Output.Signal == DetectorSignal.Alert && x.Utc >= onset);

        Assert.True(alert.Utc - onset < TimeSpan.FromHours(4), $"alert after {alert.Utc - onset}");
        Assert.Matches("^Still for .* since [0-9]{2}:[0-9]{2}, watch worn\\. At this hour", alert.Output.Explanation);
    }

    [Fact]
    public void Observe_AlertFarInTheTail_SaysMoreThan99Point9NotAHundredPercent()
    {
        var survival = PersonSurvival.Compile(Model.Value, SyntheticPeople.Person("u", 10, seed: 8).Minutes);
        var detector = new LearnedDetector(survival, LearnedDetectorOptions.Default with
        {
            Alpha = 1e-4, DayFloor = TimeSpan.FromHours(12), NightFloor = TimeSpan.FromHours(12),
        });
        var t0 = new DateTime(2024, 3, 20, 12, 0, 0, DateTimeKind.Utc);

        var alert = Enumerable.Range(0, 720)
            .Select(i => detector.Observe(new ActivityMinute(t0.AddMinutes(i), t0.AddMinutes(i), 0, true)))
            .First(o => o.Signal == DetectorSignal.Alert);

        Assert.Contains("; more than 99.9% of still periods starting around now ended sooner.", alert.Explanation);
    }

    [Fact]
    public void Train_SameSeed_GivesSameThresholds()
    {
        var people = Enumerable.Range(0, 3).Select(i => SyntheticPeople.Person($"p{i}", days: 5, seed: i)).ToList();
        var probe = SyntheticPeople.Person("z", 5, seed: 7).Minutes;

        var a = PersonSurvival.Compile(HazardModel.Train(people, seed: 3), probe);
        var b = PersonSurvival.Compile(HazardModel.Train(people, seed: 3), probe);

        var start = new DateTime(2024, 3, 5, 10, 0, 0);
        Assert.Equal(a.SurvivalAt(start, TimeSpan.FromMinutes(45)), b.SurvivalAt(start, TimeSpan.FromMinutes(45)));
    }

    [Fact]
    public void Observe_ModelNeverSure_SafetyFloorAlertsAtFloor()
    {
        var survival = PersonSurvival.Compile(Model.Value, SyntheticPeople.Person("w", 10, seed: 3).Minutes);
        var detector = new LearnedDetector(survival, LearnedDetectorOptions.Default with
        {
            Alpha = 0, DayFloor = TimeSpan.FromHours(1), NightFloor = TimeSpan.FromHours(1),
        });
        var t0 = new DateTime(2024, 3, 20, 10, 0, 0, DateTimeKind.Utc);

        var alert = Enumerable.Range(0, 120)
            .Select(i => (i, Output: detector.Observe(new ActivityMinute(t0.AddMinutes(i), t0.AddMinutes(i), 0, true))))
            .First(x => x.Output.Signal == DetectorSignal.Alert);

        Assert.Equal(59, alert.i); // the 60th still minute completes one hour
        Assert.EndsWith("The safety limit of 1 h 00 min for this time of day is reached.", alert.Output.Explanation);
    }

    [Fact]
    public void Observe_StillnessFromLateEveningIntoNight_KeepsTheStricterDayFloor()
    {
        var survival = PersonSurvival.Compile(Model.Value, SyntheticPeople.Person("v", 10, seed: 4).Minutes);
        var detector = new LearnedDetector(survival, LearnedDetectorOptions.Default with
        {
            Alpha = 0, DayFloor = TimeSpan.FromHours(1), NightFloor = TimeSpan.FromHours(5),
        });
        var t0 = new DateTime(2024, 3, 20, 21, 30, 0, DateTimeKind.Utc); // day band ends at 22:00

        var alertAt = Enumerable.Range(0, 360)
            .First(i => detector.Observe(new ActivityMinute(t0.AddMinutes(i), t0.AddMinutes(i), 0, true)).Signal == DetectorSignal.Alert);

        Assert.Equal(59, alertAt); // at 22:30, not five hours later
    }

    [Fact]
    public void AlphaAt_NightAndAfterAnOk_TakeTheirOwnSensitivity()
    {
        var o = LearnedDetectorOptions.Default with { Alpha = 0.1, NightAlpha = 0.001, AnsweredAlpha = 1e-5 };

        Assert.Equal(0.1, o.AlphaAt(new DateTime(2024, 3, 6, 14, 0, 0)));
        Assert.Equal(0.001, o.AlphaAt(new DateTime(2024, 3, 6, 2, 0, 0)));
        Assert.Equal(1e-5, o.AlphaAt(new DateTime(2024, 3, 6, 14, 0, 0), afterAnswer: true));
        Assert.Equal(0.1, (o with { AnsweredAlpha = null }).AlphaAt(new DateTime(2024, 3, 6, 14, 0, 0), afterAnswer: true));
    }

    [Fact]
    public void Observe_StillnessRightAfterAnOk_AsksAgainLaterThanAfterMovement()
    {
        var factory = new LearnedDetectorFactory(Model.Value, LearnedDetectorOptions.Default with { Alpha = 0.01, AnsweredAlpha = 1e-6 });
        var person = SyntheticPeople.Person("z", days: 12, seed: 7);
        var training = new PersonHistory("z", person.Minutes.Where(m => m.Utc < SyntheticPeople.Start.AddDays(10)).ToList());
        var onset = SyntheticPeople.Start.AddDays(10).AddHours(12);

        TimeSpan AlertAfter(int pressCount)
        {
            var detector = factory.CreateFor(training);
            var stream = SyntheticPeople.WithEmergency(person, onset.AddMinutes(1), seed: 5).Where(m => m.Utc >= onset.AddHours(-3))
                .Select(m => m.Utc == onset ? m with { Activity = pressCount } : m);
            return stream.Select(m => (m.Utc, Output: detector.Observe(m)))
                .First(x => x.Output.Signal == DetectorSignal.Alert && x.Utc > onset).Utc - onset;
        }

        // The same stillness from 12:01: after a minute of ordinary movement, and after an OK press.
        Assert.True(AlertAfter(CareWatch.Detection.CheckIn.CheckInRuns.AnsweredActivity) > AlertAfter(400));
    }
}
