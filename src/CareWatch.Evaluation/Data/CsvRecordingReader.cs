using System.Globalization;
using CareWatch.Detection;

namespace CareWatch.Evaluation.Data;

/// <summary>
/// Reads one per-person CSV (<c>timestamp,activity[,worn]</c>, local time, one row a minute, extra columns
/// ignored). Unreadable rows are skipped and returned with file and line, so one bad row does not cost a
/// whole person; a file without the required columns is an error.
/// </summary>
public static class CsvRecordingReader
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss.fff"];

    /// <summary>The minutes of <paramref name="path"/>; worn is true unless a <c>worn</c> column says otherwise.</summary>
    public static (ActivityMinute[] Minutes, bool HasWornColumn) Read(string path, TimeZoneInfo zone, List<BadRow> badRows)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: the file is empty (expected a header with timestamp,activity)");
        var columns = header.Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();
        int ts = columns.IndexOf("timestamp"), act = columns.IndexOf("activity"), worn = columns.IndexOf("worn");
        if (ts < 0 || act < 0)
            throw new InvalidDataException($"{path}:1: the header must name 'timestamp' and 'activity' columns, found '{header}'");
        var needed = Math.Max(ts, Math.Max(act, worn)) + 1;
        var walker = new LocalClockWalker(zone);
        var minutes = new List<ActivityMinute>(64 * 1024);
        var lineNo = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length < needed) { badRows.Add(new(path, lineNo, $"expected at least {needed} columns, found {cells.Length}")); continue; }
            if (!DateTime.TryParseExact(cells[ts].Trim().Trim('"'), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            { badRows.Add(new(path, lineNo, $"unreadable timestamp '{cells[ts]}'")); continue; }
            if (!double.TryParse(cells[act].Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var activity) || activity < 0 || activity > int.MaxValue)
            { badRows.Add(new(path, lineNo, $"activity must be a number ≥ 0, found '{cells[act]}'")); continue; }
            var isWorn = true;
            if (worn >= 0 && !TryParseWorn(cells[worn], out isWorn))
            { badRows.Add(new(path, lineNo, $"worn must be 0/1/true/false, found '{cells[worn]}'")); continue; }
            if (walker.Next(local) is not { } utc)
            { badRows.Add(new(path, lineNo, $"timestamp {local:yyyy-MM-dd HH:mm} does not follow the previous row")); continue; }
            minutes.Add(new ActivityMinute(utc, DateTime.SpecifyKind(local, DateTimeKind.Unspecified), (int)Math.Round(activity), isWorn));
        }
        return (minutes.ToArray(), worn >= 0);
    }

    private static bool TryParseWorn(string cell, out bool worn)
    {
        switch (cell.Trim().Trim('"').ToLowerInvariant())
        {
            case "1" or "true" or "yes": worn = true; return true;
            case "0" or "false" or "no": worn = false; return true;
            default: worn = false; return false;
        }
    }
}
