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
    /// <summary>Runs the benchmark and writes a markdown table to <paramref name="output"/>.</summary>
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

        var detector = new LearnedDetector(compiled[0], LearnedDetectorOptions.Default);
        var stream = sample[0].Minutes;
        clock.Restart();
        for (var i = 0; i < stream.Count; i++) detector.Observe(stream[i]);
        var perMinute = clock.Elapsed.TotalMicroseconds / stream.Count;

        output.WriteLine($"| Training the hazard model on {people:N0} simulated seniors × {days} days ({histories.Sum(h => h.Minutes.Count):N0} minutes) | {training.TotalSeconds:0.0} s |");
        output.WriteLine($"| Generating those minutes with the firmware simulator's routine model (2 threads; not part of training) | {generation.TotalSeconds:0.0} s |");
        output.WriteLine($"| Compiling one senior's survival curves (monitor activation; mean of {sample.Count}) | {compile.TotalMilliseconds:0} ms |");
        output.WriteLine($"| Scoring one minute (`LearnedDetector.Observe`, {stream.Count:N0} minutes of one senior) | {perMinute:0.000} µs |");
        return 0;
    }
}
