namespace CareWatch.Evaluation.Cli;

/// <summary>What the command line asked for.</summary>
public sealed record EvalOptions
{
    /// <summary>Data folders; empty = the default Depresjon folder plus the simulated cohort.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
    /// <summary>Markdown report file, if any.</summary>
    public string? Report { get; init; }
    /// <summary>JSON summary file, if any.</summary>
    public string? Json { get; init; }
    /// <summary>Trade-off PNG; by default detection-tradeoff.png beside the report.</summary>
    public string? Chart { get; init; }
    /// <summary>The seed.</summary>
    public int Seed { get; init; } = 20240;
    /// <summary>Subsample people and days for a fast check.</summary>
    public bool Quick { get; init; }
    /// <summary>Onsets per evaluation day.</summary>
    public int EmergenciesPerDay { get; init; } = 4;
    /// <summary>Simulated people (0 = none).</summary>
    public int SimPeople { get; init; } = 30;
    /// <summary>Simulated days per person.</summary>
    public int SimDays { get; init; } = 28;
    /// <summary>IANA zone of the CSV timestamps.</summary>
    public string TimeZone { get; init; } = "Europe/Oslo";
    /// <summary>Run the learned model if it is available.</summary>
    public bool Model { get; init; } = true;
}
