namespace CareWatch.Evaluation.Reporting;

/// <summary>How the run was made and what it cost: the reproducibility section of the report.</summary>
/// <param name="Command">The command line that reproduces it.</param>
/// <param name="Seed">The seed.</param>
/// <param name="EmergenciesPerDay">Onsets drawn per evaluation day.</param>
/// <param name="Quick">Whether people were subsampled.</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="ChartFile">File name of the trade-off chart beside the report, if one was written.</param>
/// <param name="BadRows">Rows skipped while loading, with file and line.</param>
public sealed record RunInfo(string Command, int Seed, int EmergenciesPerDay, bool Quick, TimeSpan Elapsed, string? ChartFile, IReadOnlyList<Data.BadRow> BadRows)
{
    /// <summary>The code revision measured (set by ops/eval.sh), if known.</summary>
    public string? Revision { get; init; }
}
