using CareWatch.Detection;
using CareWatch.Evaluation.Data;

namespace CareWatch.Evaluation.Tests;

/// <summary>Small made-up people for tests: busy days, restless-but-quiet nights (never flat for long).</summary>
internal static class Synthetic
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0);

    public static ActivityMinute[] Person(int days, int seed = 1, DateTime? start = null)
    {
        var random = new Random(seed);
        var first = start ?? Start;
        var minutes = new ActivityMinute[days * 1440];
        for (var i = 0; i < minutes.Length; i++)
        {
            var local = first.AddMinutes(i);
            var awake = local.Hour is >= 7 and < 23;
            var activity = awake ? (random.NextDouble() < 0.2 ? random.Next(0, 3) : random.Next(50, 400)) : (random.NextDouble() < 0.7 ? 0 : random.Next(2, 9));
            minutes[i] = new ActivityMinute(DateTime.SpecifyKind(local.AddHours(-1), DateTimeKind.Utc), local, activity, true);
        }
        return minutes;
    }

    public static Recording Recording(string id, int days, int seed = 1) => new(id, Person(days, seed), WearSource.Sensor);

    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "carewatch-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
