using CareWatch.Evaluation.Data;
using CareWatch.TestSupport;

namespace CareWatch.Evaluation.Tests.Data;

public class DepresjonFileTests
{
    [Fact]
    public void Load_Control1_CrossesDstAndFindsTheWatchOnTheTable()
    {
        var folder = Path.Combine(RepoRoot.SharedData, "depresjon", "control");
        var bad = new List<BadRow>();
        var (minutes, hasWorn) = CsvRecordingReader.Read(Path.Combine(folder, "control_1.csv"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"), bad);
        Assert.Empty(bad);
        Assert.False(hasWorn);
        Assert.All(minutes.Zip(minutes.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(1), p.Second.Utc - p.First.Utc));
        var flat = NonWearRule.Find(minutes);
        // The README's example: exactly 3 for 712 minutes.
        var run = 0;
        var longestThrees = 0;
        for (var i = 0; i < minutes.Length; i++)
        {
            run = minutes[i].Activity == 3 && flat[i] ? run + 1 : 0;
            longestThrees = Math.Max(longestThrees, run);
        }
        Assert.True(longestThrees >= 712);
    }
}
