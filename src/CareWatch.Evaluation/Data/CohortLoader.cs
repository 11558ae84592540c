namespace CareWatch.Evaluation.Data;

/// <summary>Loads every per-person CSV under a folder (recursively, except <c>scores.csv</c>).</summary>
public static class CohortLoader
{
    /// <summary>The recordings under <paramref name="folder"/>, in ordinal order of their relative paths.</summary>
    public static IReadOnlyList<Recording> Load(string folder, TimeZoneInfo zone, List<BadRow> badRows)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"data folder '{folder}' does not exist");
        var files = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("scores.csv", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Path: f, Id: Path.ChangeExtension(Path.GetRelativePath(folder, f), null).Replace('\\', '/')))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var recordings = new Recording[files.Count];
        var bad = new List<BadRow>[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            bad[i] = [];
            var (minutes, hasWorn) = CsvRecordingReader.Read(files[i].Path, zone, bad[i]);
            recordings[i] = hasWorn
                ? new Recording(files[i].Id, minutes, WearSource.Sensor)
                : new Recording(files[i].Id, NonWearRule.Apply(minutes), WearSource.NonWearRule);
        });
        foreach (var b in bad) badRows.AddRange(b);
        return recordings.Where(r => r.Minutes.Length > 0).ToList();
    }
}
