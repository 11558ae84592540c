using System.Globalization;

namespace CareWatch.Detection;

/// <summary>Plain-words formatting shared by detectors and reports.</summary>
public static class Format
{
    /// <summary>"1 h 40 min", "35 min".</summary>
    public static string Duration(TimeSpan d) => d.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min");
}
