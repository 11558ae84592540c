using CareWatch.Detection.Model;

namespace CareWatch.Detection.Tests.Model;

public sealed class TailExtrapolationTests
{
    // One hazard per 5-min step from 10 min: step k is t = 10 + 5k minutes.
    private static float[] Falling(int steps) => Enumerable.Range(0, steps).Select(k => 0.2f / (1 + k)).ToArray();

    [Fact]
    public void HoldBeyond_HazardFallingPastLongest_HeldAtItsLevelOverTheLastHalfHour()
    {
        var hazards = Falling(100);
        var edgeLevel = hazards[5..11].Average(); // t = 35..60 min: the half hour up to the longest (60 min)

        TailExtrapolation.HoldBeyond(hazards, longestMinutes: 60);

        Assert.All(hazards[11..], h => Assert.Equal(edgeLevel, h, 6));
    }

    [Fact]
    public void HoldBeyond_UpToTheLongest_LeavesHazardsAlone()
    {
        var hazards = Falling(100);
        var before = hazards.ToArray();

        TailExtrapolation.HoldBeyond(hazards, longestMinutes: 60);

        Assert.Equal(before[..11], hazards[..11]);
    }

    [Fact]
    public void HoldBeyond_HazardRisingPastLongest_KeepsTheHigherHazard()
    {
        var hazards = Enumerable.Range(0, 100).Select(k => k < 20 ? 0.01f : 0.5f).ToArray(); // e.g. the morning's getting up

        TailExtrapolation.HoldBeyond(hazards, longestMinutes: 60);

        Assert.All(hazards[20..], h => Assert.Equal(0.5f, h));
    }

    [Fact]
    public void HoldBeyond_LongestBeyondTheHorizon_ChangesNothing()
    {
        var hazards = Falling(10);
        var before = hazards.ToArray();

        TailExtrapolation.HoldBeyond(hazards, longestMinutes: 24 * 60);

        Assert.Equal(before, hazards);
    }
}
