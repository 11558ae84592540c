using CareWatch.Detection.Model;

namespace CareWatch.Detection.Tests.Model;

/// <summary>The band the senior page draws, from the real ML.NET model trained on small synthetic people.</summary>
public sealed class NormalBandTests
{
    private static readonly Lazy<PersonSurvival> Survival = new(() => PersonSurvival.Compile(
        HazardModel.Train(Enumerable.Range(0, 6).Select(i => SyntheticPeople.Person($"p{i}", 10, seed: i)).ToList()),
        SyntheticPeople.Person("x", 10, seed: 99).Minutes));

    [Fact]
    public void At_MiddayWithTheModelBelowTheFloor_TheModelsLimitAndThePersonsRestAtThatHour()
    {
        var options = LearnedDetectorOptions.Default with { Alpha = 0.01 };
        var midday = new DateTime(2024, 3, 6, 14, 0, 0);

        var band = NormalBand.At(Survival.Value, options, midday);

        Assert.Equal((AlertTrigger.Model, Survival.Value.AlertAfter(midday, 0.01)),
            (band.Trigger, (TimeSpan?)band.AlertAfter));
        Assert.Equal(Math.Round(Survival.Value.Profile.Q90Minutes[14]), band.Typical.TotalMinutes);
        Assert.Equal(Math.Round(Survival.Value.Profile.MaxMinutes[14]), band.LongestNormal.TotalMinutes);
        Assert.True(band.Typical <= band.LongestNormal);
    }

    [Fact]
    public void At_NightWithAFloorBelowAnyModelLimit_TheNightsSafetyFloor()
    {
        // The model never alerts before 10 minutes (the shortest period that counts as rest): a 10-minute floor wins.
        var options = LearnedDetectorOptions.Default with { Alpha = 0.01, NightFloor = TimeSpan.FromMinutes(10) };

        var band = NormalBand.At(Survival.Value, options, new DateTime(2024, 3, 6, 2, 0, 0));

        Assert.Equal((AlertTrigger.SafetyFloor, TimeSpan.FromMinutes(10)), (band.Trigger, band.AlertAfter));
    }
}
