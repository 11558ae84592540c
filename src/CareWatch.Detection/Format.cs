using System.Globalization;

namespace CareWatch.Detection;

/// <summary>Plain-words formatting shared by detectors and reports.</summary>
public static class Format
{
    /// <summary>"1 h 40 min", "35 min".</summary>
    public static string Duration(TimeSpan d) => d.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min");

    /// <summary>A sensitivity α: "0.003", "0.0001", and below that "3e-5", "1e-12" (never rounded to "0").</summary>
    public static string Alpha(double alpha) =>
        alpha == 0 || alpha >= 1e-4 ? alpha.ToString("0.####", CultureInfo.InvariantCulture) : alpha.ToString("0.#e-0", CultureInfo.InvariantCulture);
}
