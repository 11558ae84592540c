using CareWatch.Detection.Baselines;
using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Reporting;

namespace CareWatch.Evaluation.Tests.Reporting;

public class ReportTests
{
    private static CohortSummary Cohort()
    {
        var people = new[] { Synthetic.Recording("a", 10, 1), Synthetic.Recording("b", 10, 2) };
        var entries = new[]
        {
            new DetectorEntry(TimerDetectorFactory.Fixed(TimeSpan.FromHours(2)), DetectorKind.FixedTimer),
            new DetectorEntry(new AlwaysAlertFactory(), DetectorKind.Model),
        };
        return CohortSummary.From(CohortEvaluator.Run("Synthetic", "test", people, entries, null, new EvaluationSettings(Seed: 1, EmergenciesPerDay: 2)));
    }

    private static RunInfo Run(string? chart = null) => new("ops/eval.sh --seed 1", 1, 2, false, TimeSpan.FromSeconds(1), chart, []);

    [Fact]
    public void Write_Cohort_HasTablesTargetsNonWearAndSeed()
    {
        var md = MarkdownReport.Write([Cohort()], Run("detection-tradeoff.png"));
        Assert.Contains("| timer 2 h 00 min |", md);
        Assert.Contains("## Targets", md);
        Assert.Contains("| Hour | 00 | 01 |", md);
        Assert.Contains("seed 1", md);
        Assert.Contains("](detection-tradeoff.png)", md);
    }

    [Fact]
    public void Save_Chart_WritesAPngWithOnePanelPerCohort()
    {
        var path = Path.Combine(Synthetic.TempFolder(), "chart.png");
        var cohort = Cohort();
        TradeoffChart.Save([cohort, cohort], path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        Assert.Equal(1280, width);
    }

    [Fact]
    public void Write_Json_CarriesFiguresPerDetector()
    {
        var json = JsonSummary.Write([Cohort()], Run());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var detectors = doc.RootElement.GetProperty("cohorts")[0].GetProperty("detectors");
        Assert.Equal(2, detectors.GetArrayLength());
        Assert.Equal("FixedTimer", detectors[0].GetProperty("kind").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("seed").GetInt32());
    }
}
