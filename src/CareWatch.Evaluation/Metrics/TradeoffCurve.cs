namespace CareWatch.Evaluation.Metrics;

/// <summary>The model's sensitivities as a curve of median delay against false-alarm rate.</summary>
public static class TradeoffCurve
{
    /// <summary>A point on the curve (delays in minutes; null = beyond 12 h).</summary>
    public readonly record struct Point(double FalseAlarms, double? DayMedian, double? NightMedian);

    /// <summary>
    /// The model's medians at false-alarm rate <paramref name="rate"/>: linear interpolation between the two
    /// sensitivities around it; above the curve's highest rate the point with the highest rate is used (the
    /// model can always alert more); below its lowest rate there is no point (null).
    /// </summary>
    public static Point? At(IReadOnlyList<DetectorSummary> model, double rate) =>
        At(model.Select(m => new Point(m.FalseAlarmsPerPersonMonth, m.Day.MedianMinutes, m.Night.MedianMinutes)).ToList(), rate);

    /// <summary>The same on points of any stage (the two-stage curve puts staff false alarms on the rate axis).</summary>
    public static Point? At(IReadOnlyList<Point> curve, double rate)
    {
        var points = curve.OrderBy(p => p.FalseAlarms).ThenByDescending(p => p.DayMedian ?? double.MaxValue).ToList();
        if (points.Count == 0 || rate < points[0].FalseAlarms - 1e-9) return null;
        if (rate >= points[^1].FalseAlarms) return points[^1] with { FalseAlarms = rate };
        for (var i = 1; i < points.Count; i++)
        {
            if (rate > points[i].FalseAlarms) continue;
            var (a, b) = (points[i - 1], points[i]);
            var t = b.FalseAlarms == a.FalseAlarms ? 1 : (rate - a.FalseAlarms) / (b.FalseAlarms - a.FalseAlarms);
            return new Point(rate, Lerp(a.DayMedian, b.DayMedian, t), Lerp(a.NightMedian, b.NightMedian, t));
        }
        return points[^1];
    }

    private static double? Lerp(double? a, double? b, double t) => a is { } x && b is { } y ? x + (y - x) * t : (t >= 1 ? b : null);
}
