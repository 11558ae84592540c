using System.Globalization;
using System.Text.RegularExpressions;

namespace CareWatch.Server.Tests.Support;

/// <summary>One sample of a Prometheus text exposition.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads the Prometheus text format (what GET /metrics answers) into samples.</summary>
public static partial class PrometheusScrape
{
    /// <summary>The samples of <paramref name="text"/>; comment lines (HELP, TYPE) are skipped.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => SampleLine().Match(l)).Where(m => m.Success)
            .Select(m => new PrometheusSample(m.Groups["name"].Value,
                Label().Matches(m.Groups["labels"].Value).ToDictionary(x => x.Groups[1].Value, x => x.Groups[2].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public static double Sum(this IReadOnlyList<PrometheusSample> samples, string name, params (string, string)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Item1) == l.Item2))
            .Sum(s => s.Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)"?""")]
    private static partial Regex Label();
}
