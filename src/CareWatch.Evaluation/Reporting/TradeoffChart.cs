using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Metrics;
using ScottPlot;

namespace CareWatch.Evaluation.Reporting;

/// <summary>
/// The trade-off chart as a PNG (ScottPlot renders through SkiaSharp, headless): one panel per cohort,
/// false alarms per person-month against median delay, day and night.
/// </summary>
public static class TradeoffChart
{
    private const double CapHours = 12;

    /// <summary>Writes the chart to <paramref name="path"/>.</summary>
    public static void Save(IReadOnlyList<CohortSummary> cohorts, string path)
    {
        const int width = 640, height = 560;
        // One panel per cohort, side by side: each plot renders to PNG bytes and SkiaSharp (ScottPlot's own
        // renderer) pastes them onto one canvas.
        using var canvasBitmap = new SkiaSharp.SKBitmap(width * Math.Max(1, cohorts.Count), height);
        using (var canvas = new SkiaSharp.SKCanvas(canvasBitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            for (var i = 0; i < cohorts.Count; i++)
            {
                var plot = new Plot();
                Draw(plot, cohorts[i]);
                using var panel = SkiaSharp.SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
                canvas.DrawBitmap(panel, i * width, 0);
            }
        }
        using var image = SkiaSharp.SKImage.FromBitmap(canvasBitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    private static void Draw(Plot plot, CohortSummary cohort)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var model = cohort.Detectors.Where(d => d.Kind == DetectorKind.Model).OrderBy(d => d.FalseAlarmsPerPersonMonth).ToList();
        if (model.Count > 0)
        {
            var xs = model.Select(m => X(m.FalseAlarmsPerPersonMonth)).ToArray();
            var day = plot.Add.Scatter(xs, model.Select(m => Hours(m.Day.MedianMinutes)).ToArray(), palette.GetColor(0));
            day.LegendText = "model, day";
            day.MarkerShape = MarkerShape.FilledCircle;
            var night = plot.Add.Scatter(xs, model.Select(m => Hours(m.Night.MedianMinutes)).ToArray(), palette.GetColor(1));
            night.LegendText = "model, night";
            night.LinePattern = LinePattern.Dashed;
            night.MarkerShape = MarkerShape.FilledTriangleUp;
        }
        var baselines = cohort.Detectors.Where(d => d.Kind != DetectorKind.Model).ToList();
        var first = true;
        foreach (var b in baselines)
        {
            var x = X(b.FalseAlarmsPerPersonMonth);
            var d = plot.Add.Marker(x, Hours(b.Day.MedianMinutes), MarkerShape.OpenCircle, 9, palette.GetColor(2));
            var n = plot.Add.Marker(x, Hours(b.Night.MedianMinutes), MarkerShape.OpenTriangleUp, 9, palette.GetColor(3));
            if (first) { d.LegendText = "timer baselines, day"; n.LegendText = "timer baselines, night"; first = false; }
            var label = plot.Add.Text(Short(b.Name), x, Hours(b.Day.MedianMinutes));
            label.LabelFontSize = 10;
            label.OffsetX = 6;
        }
        var target = plot.Add.VerticalLine(X(Targets.MaxFalseAlarms), 1, Colors.Gray, LinePattern.Dotted);
        target.LegendText = "target 0.5 FA/person-month";
        plot.Add.HorizontalLine(Targets.MaxDayMedian / 60, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
        plot.Add.HorizontalLine(Targets.MaxNightMedian / 60, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
        plot.Title($"{cohort.Result.Name}: false alarms vs median detection delay");
        plot.XLabel("false alarms per person-month (log scale; 0 is drawn at 0.01)");
        plot.YLabel("median detection delay (h, capped at 12)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, CapHours + 0.5);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Log-10 position of a rate; a rate of 0 cannot sit on a log axis, so it is drawn at the floor.</summary>
    private static double X(double rate) => Math.Log10(Math.Max(rate, FloorRate));

    private const double FloorRate = 0.01;

    private static double Hours(double? minutes) => minutes is { } m ? Math.Min(m / 60, CapHours) : CapHours;

    private static string Short(string name) => name.Replace("timer ", "").Replace(" 00 min", "").Replace(" day / ", "/").Replace(" night", "");
}
