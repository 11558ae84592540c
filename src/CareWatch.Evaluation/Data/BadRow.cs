namespace CareWatch.Evaluation.Data;

/// <summary>A CSV row that was skipped, with where it was and why.</summary>
/// <param name="File">Path of the file.</param>
/// <param name="Line">1-based line number (the header is line 1).</param>
/// <param name="Reason">What was wrong with it.</param>
public sealed record BadRow(string File, int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
