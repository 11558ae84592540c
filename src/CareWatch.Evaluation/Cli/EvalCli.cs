using System.CommandLine;

namespace CareWatch.Evaluation.Cli;

/// <summary>The <c>carewatch-eval</c> command line.</summary>
public static class EvalCli
{
    /// <summary>Builds the root command; <paramref name="run"/> does the work.</summary>
    public static RootCommand Create(Func<EvalOptions, int> run)
    {
        var data = new Option<string[]>("--data") { Description = "Folder of per-person CSV files (repeatable; default ../shared/data/depresjon plus a simulated cohort)" };
        var report = new Option<string?>("--report") { Description = "Also write the markdown report to this file" };
        var json = new Option<string?>("--json") { Description = "Write the summary figures as JSON to this file" };
        var chart = new Option<string?>("--chart") { Description = "Trade-off chart PNG (default: detection-tradeoff.png beside --report)" };
        var seed = new Option<int>("--seed") { Description = "Seed of onsets, resting draws and the simulated cohort", DefaultValueFactory = _ => 20240 };
        var quick = new Option<bool>("--quick") { Description = "Subsample people and days (a smoke test, not the benchmark)" };
        var perDay = new Option<int>("--emergencies-per-day") { Description = "Emergency onsets per evaluation day", DefaultValueFactory = _ => 4 };
        var simPeople = new Option<int>("--sim-people") { Description = "Simulated people when no --data is given (0 = none)", DefaultValueFactory = _ => 30 };
        var simDays = new Option<int>("--sim-days") { Description = "Days per simulated person", DefaultValueFactory = _ => 28 };
        var zone = new Option<string>("--time-zone") { Description = "Time zone of the CSV timestamps", DefaultValueFactory = _ => "Europe/Oslo" };
        var noModel = new Option<bool>("--no-model") { Description = "Baselines only, even when the learned model is available" };
        perDay.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 60) r.AddError("--emergencies-per-day must be 1–60"); });
        simPeople.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--sim-people must be ≥ 0"); });
        simDays.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 9) r.AddError("--sim-days must be ≥ 9 (7 training days and some to evaluate)"); });
        zone.Validators.Add(r =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(r.GetValueOrDefault<string>() ?? "", out _)) r.AddError($"unknown --time-zone '{r.GetValueOrDefault<string>()}'");
        });
        data.Validators.Add(r =>
        {
            foreach (var d in r.GetValueOrDefault<string[]>() ?? []) if (!Directory.Exists(d)) r.AddError($"--data folder '{d}' does not exist");
        });
        var root = new RootCommand("Evaluates inactivity detectors (learned model and timer baselines) on real and simulated people")
        {
            data, report, json, chart, seed, quick, perDay, simPeople, simDays, zone, noModel,
        };
        var benchPeople = new Option<int>("--people") { Description = "Simulated seniors", DefaultValueFactory = _ => 1000 };
        var benchDays = new Option<int>("--days") { Description = "Days per senior", DefaultValueFactory = _ => 30 };
        benchPeople.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--people must be ≥ 1"); });
        benchDays.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) r.AddError("--days must be ≥ 2"); });
        var bench = new Command("bench-training", "Times model training on a simulated fleet, curve compilation and scoring") { benchPeople, benchDays, seed };
        bench.SetAction(r => Benchmarks.TrainingBenchmark.Run(r.GetValue(benchPeople), r.GetValue(benchDays), r.GetValue(seed), Console.Out));
        root.Subcommands.Add(bench);
        root.Subcommands.Add(StorageCommand(seed));
        root.SetAction(r => run(new EvalOptions
        {
            Data = r.GetValue(data) ?? [],
            Report = r.GetValue(report),
            Json = r.GetValue(json),
            Chart = r.GetValue(chart),
            Seed = r.GetValue(seed),
            Quick = r.GetValue(quick),
            EmergenciesPerDay = r.GetValue(perDay),
            SimPeople = r.GetValue(simPeople),
            SimDays = r.GetValue(simDays),
            TimeZone = r.GetValue(zone)!,
            Model = !r.GetValue(noModel),
        }));
        return root;
    }

    // ops/bench.sh storage (ops/bench-storage.sh): storage per senior-day and the 30-day read, before and after.
    private static Command StorageCommand(Option<int> seed)
    {
        var connection = new Option<string>("--connection") { Description = "PostgreSQL to create the databases in", Required = true };
        var people = new Option<int>("--people") { Description = "Simulated seniors", DefaultValueFactory = _ => 1000 };
        var days = new Option<int>("--days") { Description = "Days per senior", DefaultValueFactory = _ => 30 };
        var before = new Option<int>("--before-people") { Description = "Seniors copied to the per-minute table", DefaultValueFactory = _ => 100 };
        var data = new Option<string>("--depresjon") { Description = "Depresjon folder, read in place", DefaultValueFactory = _ => "../shared/data/depresjon" };
        var command = new Command("bench-storage", "Storage per senior-day and the 30-day read, per-minute rows vs day rows")
        {
            connection, people, days, before, data, seed,
        };
        command.SetAction(r => Benchmarks.StorageBenchmark.RunAsync(r.GetValue(connection)!, r.GetValue(people),
            r.GetValue(days), r.GetValue(before), r.GetValue(data)!, r.GetValue(seed), Console.Out, Console.Error)
            .GetAwaiter().GetResult());
        return command;
    }
}
