using CareWatch.Evaluation.Method;
using CareWatch.Evaluation.Metrics;
using ScottPlot;

namespace CareWatch.Evaluation.Reporting;

/// <summary>
/// The trade-off chart as a PNG (ScottPlot renders through SkiaSharp, headless): one column per cohort. With the
/// check-in in the loop: top, staff false alarms per person-month against median onset-to-staff delay, day and
/// night; bottom, the prompt burden — prompts per person-day by day against the daytime median. Timers and model
/// sensitivities alike go through the check-in.
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
        using var canvasBitmap = new SkiaSharp.SKBitmap(width * Math.Max(1, cohorts.Count), 2 * height);
        using (var canvas = new SkiaSharp.SKCanvas(canvasBitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            for (var i = 0; i < cohorts.Count; i++)
            {
                var plot = new Plot();
                Draw(plot, cohorts[i]);
                using var panel = SkiaSharp.SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
                canvas.DrawBitmap(panel, i * width, 0);
                var burden = new Plot();
                DrawBurden(burden, cohorts[i]);
                using var lower = SkiaSharp.SKBitmap.Decode(burden.GetImageBytes(width, height, ImageFormat.Png));
                canvas.DrawBitmap(lower, i * width, height);
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
        var model = Curve(cohort, d => d.TwoStage.StaffFalseAlarmsPerPersonMonth);
        if (model.Count > 0)
        {
            var xs = model.Select(m => X(m.TwoStage.StaffFalseAlarmsPerPersonMonth)).ToArray();
            var day = plot.Add.Scatter(xs, model.Select(m => Hours(m.TwoStage.Day.MedianMinutes)).ToArray(), palette.GetColor(0));
            day.LegendText = "model, day";
            day.LineWidth = 0;
            day.MarkerShape = MarkerShape.FilledCircle;
            var night = plot.Add.Scatter(xs, model.Select(m => Hours(m.TwoStage.Night.MedianMinutes)).ToArray(), palette.GetColor(1));
            night.LegendText = "model, night";
            night.LineWidth = 0;
            night.LinePattern = LinePattern.Dashed;
            night.MarkerShape = MarkerShape.FilledTriangleUp;
        }
        var baselines = cohort.Detectors.Where(d => d.Kind != DetectorKind.Model).ToList();
        var first = true;
        foreach (var b in baselines)
        {
            var x = X(b.TwoStage.StaffFalseAlarmsPerPersonMonth);
            var d = plot.Add.Marker(x, Hours(b.TwoStage.Day.MedianMinutes), MarkerShape.OpenCircle, 9, palette.GetColor(2));
            var n = plot.Add.Marker(x, Hours(b.TwoStage.Night.MedianMinutes), MarkerShape.OpenTriangleUp, 9, palette.GetColor(3));
            if (first) { d.LegendText = "timers with check-in, day"; n.LegendText = "timers with check-in, night"; first = false; }
            Label(plot, b, x);
        }
        var target = plot.Add.VerticalLine(X(TwoStageTargets.MaxStaffFalseAlarms), 1, Colors.Gray, LinePattern.Dotted);
        target.LegendText = "target 0.5 staff FA/person-month";
        plot.Add.HorizontalLine(TwoStageTargets.MaxDayMedian / 60, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
        plot.Add.HorizontalLine(TwoStageTargets.MaxNightMedian / 60, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
        plot.Title($"{cohort.Result.Name}: staff false alarms vs onset to staff");
        plot.XLabel("staff false alarms per person-month (log scale; 0 is drawn at 0.01)");
        plot.YLabel("median onset to staff alarm (h, capped at 12)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, CapHours + 0.5);
        LogAxis(plot);
    }

    // Prompt burden: how often the watch asks by day against how soon staff come by day.
    private static void DrawBurden(Plot plot, CohortSummary cohort)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var model = Curve(cohort, d => d.TwoStage.DayPromptsPerPersonDay);
        if (model.Count > 0)
        {
            var line = plot.Add.Scatter(model.Select(m => X(m.TwoStage.DayPromptsPerPersonDay)).ToArray(),
                model.Select(m => Hours(m.TwoStage.Day.MedianMinutes)).ToArray(), palette.GetColor(0));
            line.LegendText = "model, day";
            line.LineWidth = 0;
            line.MarkerShape = MarkerShape.FilledCircle;
        }
        var first = true;
        foreach (var b in cohort.Detectors.Where(d => d.Kind != DetectorKind.Model))
        {
            var x = X(b.TwoStage.DayPromptsPerPersonDay);
            var marker = plot.Add.Marker(x, Hours(b.TwoStage.Day.MedianMinutes), MarkerShape.OpenCircle, 9, palette.GetColor(2));
            if (first) { marker.LegendText = "timers with check-in, day"; first = false; }
            Label(plot, b, x);
        }
        var target = plot.Add.VerticalLine(X(TwoStageTargets.MaxDayPrompts), 1, Colors.Gray, LinePattern.Dotted);
        target.LegendText = "target 0.5 prompts/person-day";
        plot.Add.HorizontalLine(TwoStageTargets.MaxDayMedian / 60, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Dotted);
        plot.Title($"{cohort.Result.Name}: prompt burden by day");
        plot.XLabel("prompts per person-day by day (log scale; 0 is drawn at 0.01)");
        plot.YLabel("median onset to staff alarm by day (h, capped at 12)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimitsY(0, CapHours + 0.5);
        LogAxis(plot);
    }

    // Every model sensitivity, in x order; drawn as points only, since the day/night and after-OK variants do not lie on one curve.
    private static List<DetectorSummary> Curve(CohortSummary cohort, Func<DetectorSummary, double> x) =>
        cohort.Detectors.Where(d => d.Kind == DetectorKind.Model).OrderBy(x).ToList();

    // A baseline's short name beside its daytime point.
    private static void Label(Plot plot, DetectorSummary baseline, double x)
    {
        var label = plot.Add.Text(Short(baseline.Name), x, Hours(baseline.TwoStage.Day.MedianMinutes));
        label.LabelFontSize = 10;
        label.OffsetX = 6;
    }

    private static void LogAxis(Plot plot)
    {
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
