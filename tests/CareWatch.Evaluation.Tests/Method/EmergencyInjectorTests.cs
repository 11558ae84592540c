using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Tests.Method;

public class EmergencyInjectorTests
{
    private static (PersonSplit Split, RestingPool Pool, List<Emergency> Emergencies) Make(int seed = 7)
    {
        var minutes = Synthetic.Person(14, seed);
        // A stretch not worn on an evaluation day: the copy must still be worn throughout.
        for (var i = 12 * 1440 + 600; i < 12 * 1440 + 900; i++) minutes[i] = minutes[i] with { Worn = false };
        var split = PersonSplit.Create(minutes)!;
        var pool = RestingPool.Build(split.Training);
        return (split, pool, EmergencyInjector.Create(split, pool, pool.Top, 4, new Random(seed)));
    }

    [Fact]
    public void Create_Emergency_KeepsOriginalDataBeforeOnset()
    {
        var (split, _, emergencies) = Make();
        Assert.NotEmpty(emergencies);
        var byUtc = split.Minutes.ToDictionary(m => m.Utc);
        foreach (var e in emergencies)
        {
            Assert.Equal(Emergency.PreRoll, e.OnsetUtc - e.Stream[0].Utc);
            Assert.All(e.Stream[..e.OnsetIndex], m => Assert.Equal(byUtc[m.Utc], m));
        }
    }

    [Fact]
    public void Create_Emergency_IsWornRestingAndTwelveHoursLong()
    {
        var (_, pool, emergencies) = Make();
        foreach (var e in emergencies)
        {
            var after = e.Stream[e.OnsetIndex..];
            Assert.Equal(720, after.Length);
            Assert.Equal(e.OnsetUtc, after[0].Utc);
            Assert.All(after, m => Assert.True(m.Worn));
            Assert.All(after, m => Assert.Contains(m.Activity, pool.Values));
        }
        Assert.Contains(emergencies, e => e.Stream[e.OnsetIndex..].Select(m => m.Activity).Distinct().Count() > 1);
    }

    [Fact]
    public void Create_Onset_FollowsAMovingMinuteInEvaluationTime()
    {
        var (split, pool, emergencies) = Make();
        foreach (var e in emergencies)
        {
            var before = e.Stream[e.OnsetIndex - 1];
            Assert.True(before.Worn && before.Activity > pool.Top);
            Assert.True(e.OnsetUtc > split.EvaluationStartUtc);
        }
    }

    [Fact]
    public void Build_RestingPool_ComesFromQuietNightMinutes()
    {
        var (split, pool, _) = Make();
        Assert.True(pool.FromNight);
        Assert.Contains(0, pool.Values);
        Assert.True(pool.Top < 50, "resting values are night-time levels, not daytime activity");
        Assert.All(pool.Values, v => Assert.Contains(split.Training, m => m.Local.Hour < 6 && m.Activity == v));
    }
}
