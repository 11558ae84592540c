using System.Diagnostics;
using CareWatch.Detection;
using CareWatch.Detection.Model;
using CareWatch.Evaluation.Simulation;

namespace CareWatch.Evaluation.Benchmarks;

/// <summary>
/// Times the learned model at fleet scale: training on N simulated seniors × D days (the nightly job's
/// size), compiling one senior's survival curves (a monitor's activation), and scoring one minute.
/// Generation of the simulated minutes is timed apart: it is the simulator's cost, not the model's.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Runs the benchmark and writes rows of docs/benchmarks.md's table to <paramref name="output"/>.</summary>
    public static int Run(int people, int days, int seed, TextWriter output)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var clock = Stopwatch.StartNew();
        var cohort = SimulatedCohort.Generate(people, days, seed, zone);
        var generation = clock.Elapsed;
        var histories = cohort.Select(r => new PersonHistory(r.Id, r.Minutes)).ToList();

        clock.Restart();
        var model = HazardModel.Train(histories, seed);
        var training = clock.Elapsed;

        var sample = histories.Take(Math.Min(20, histories.Count)).ToList();
        clock.Restart();
        var compiled = sample.Select(h => PersonSurvival.Compile(model, h.Minutes)).ToList();
        var compile = clock.Elapsed / sample.Count;

        // Median of five passes over the same senior's minutes, each with a fresh detector: the first pass also pays
        // the JIT, and a shared machine's noise hits single passes.
        var stream = sample[0].Minutes;
        var passes = new List<double>();
        for (var pass = 0; pass < 5; pass++)
        {
            var detector = new LearnedDetector(compiled[0], LearnedDetectorOptions.Default);
            clock.Restart();
            for (var i = 0; i < stream.Count; i++) detector.Observe(stream[i]);
            passes.Add(clock.Elapsed.TotalMicroseconds / stream.Count);
        }
        var perMinute = passes.Order().ElementAt(passes.Count / 2);

        // Rows of docs/benchmarks.md: | Figure | Target | Anchor | Measured | Command |
        var command = $"`ops/bench.sh training --people {people} --days {days}`";
        output.WriteLine($"| Model training, {people:N0} seniors × {days} days ({histories.Sum(h => h.Minutes.Count):N0} minutes, "
            + $"one thread by design) | ≤ 2 min | 46.1 s (2026-11-26, 1,000 × 30) | {training.TotalSeconds:0.0} s, one run "
            + $"{Verdict(training.TotalSeconds <= 120)} | {command} |");
        output.WriteLine($"| Generating those minutes with the simulator's routine model (not part of training) | — | 14.6 s "
            + $"(2026-11-26) | {generation.TotalSeconds:0.0} s | {command} |");
        output.WriteLine($"| Compiling one senior's survival curves (monitor activation; mean of {sample.Count}) | — | 150 ms "
            + $"(2026-11-26) | {compile.TotalMilliseconds:0} ms | {command} |");
        output.WriteLine($"| Scoring one minute (`LearnedDetector.Observe`, {stream.Count:N0} minutes of one senior, median of "
            + $"{passes.Count} passes) | ≤ 10 µs | 0.459 µs (2026-11-26, one pass) | {perMinute:0.000} µs "
            + $"{Verdict(perMinute <= 10)} | {command} |");
        return 0;
    }

    private static string Verdict(bool met) => met ? "✓" : "✗ missed";
}
