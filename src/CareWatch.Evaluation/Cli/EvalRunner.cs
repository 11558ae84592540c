using System.Diagnostics;
using CareWatch.Evaluation.Data;
using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Reporting;
using CareWatch.Evaluation.Simulation;

namespace CareWatch.Evaluation.Cli;

/// <summary>Runs a whole evaluation from command-line options and writes its outputs.</summary>
public sealed class EvalRunner(TextWriter output, TextWriter log, string commandLine, ModelHook? model)
{
    /// <summary>Default real-data folder, relative to the repository root (where ops/eval.sh runs).</summary>
    public const string DefaultData = "../shared/data/depresjon";

    /// <summary>Runs; returns the exit code.</summary>
    public int Run(EvalOptions options)
    {
        var clock = Stopwatch.StartNew();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var settings = new EvaluationSettings(options.Seed, options.EmergenciesPerDay) { AnswerSweep = AnswerSweep };
        var hook = options.Model ? model : null;
        var badRows = new List<BadRow>();
        var cohorts = new List<CohortSummary>();
        var folders = options.Data.Count > 0 ? options.Data : [DefaultData];
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            var recordings = CohortLoader.Load(full, zone, badRows);
            if (options.Quick) recordings = recordings.Where((_, i) => i % 5 == 0).ToList();
            var name = CohortName(full);
            log.WriteLine($"{name}: {recordings.Count} people loaded ({clock.Elapsed.TotalSeconds:0} s); evaluating…");
            cohorts.Add(CohortSummary.From(CohortEvaluator.Run(name, folder, recordings, Baselines.All, hook, settings)));
        }
        if (options.Data.Count == 0 && options.SimPeople > 0)
        {
            var (people, days) = options.Quick ? (Math.Min(6, options.SimPeople), Math.Min(14, options.SimDays)) : (options.SimPeople, options.SimDays);
            var recordings = SimulatedCohort.Generate(people, days, options.Seed, zone);
            log.WriteLine($"Simulated: {people} people × {days} days generated ({clock.Elapsed.TotalSeconds:0} s); evaluating…");
            var source = $"firmware simulator routine model (`DailyRoutine`), {people} people × {days} days from {SimulatedCohort.StartLocal:yyyy-MM-dd} {options.TimeZone}, routine seeds {options.Seed}·1000 + i";
            cohorts.Add(CohortSummary.From(CohortEvaluator.Run("Simulated", source, recordings, Baselines.All, hook, settings)));
        }

        string? chartLink = null;
        var chartPath = options.Chart ?? (options.Report is { } r ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(r))!, "detection-tradeoff.png") : null);
        if (chartPath is not null)
        {
            TradeoffChart.Save(cohorts, chartPath);
            chartLink = options.Report is { } rep ? Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(rep))!, Path.GetFullPath(chartPath)) : chartPath;
        }
        var run = new RunInfo(commandLine, options.Seed, options.EmergenciesPerDay, options.Quick, clock.Elapsed, chartLink, badRows)
        {
            Revision = Environment.GetEnvironmentVariable("CAREWATCH_EVAL_REVISION"),
        };
        var markdown = MarkdownReport.Write(cohorts, run);
        output.Write(markdown);
        if (options.Report is { } reportPath) File.WriteAllText(reportPath, markdown);
        if (options.Json is { } jsonPath) File.WriteAllText(jsonPath, JsonSummary.Write(cohorts, run));
        log.WriteLine($"done in {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    /// <summary>
    /// The answer models the untouched days are measured under besides the default: the first prompt's chance by day
    /// 0.8 and 0.95 (night as default), then at night 0.5 and 0.9 (day as default); second prompts as default.
    /// </summary>
    public static IReadOnlyList<CareWatch.Detection.CheckIn.AnswerModel> AnswerSweep { get; } =
    [
        CareWatch.Detection.CheckIn.AnswerModel.Default with { FirstDay = 0.8 },
        CareWatch.Detection.CheckIn.AnswerModel.Default with { FirstDay = 0.95 },
        CareWatch.Detection.CheckIn.AnswerModel.Default with { FirstNight = 0.5 },
        CareWatch.Detection.CheckIn.AnswerModel.Default with { FirstNight = 0.9 },
    ];

    private static string CohortName(string folder)
    {
        var name = new DirectoryInfo(folder).Name;
        return name.Length == 0 ? folder : char.ToUpperInvariant(name[0]) + name[1..];
    }
}
