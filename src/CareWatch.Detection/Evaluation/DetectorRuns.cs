using System.Diagnostics;

namespace CareWatch.Detection.Evaluation;

/// <summary>Streams minutes through detectors and reads off false alarms and detection delays.</summary>
public static class DetectorRuns
{
    /// <summary>Real days before evaluation fed as warm-up and not counted.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromHours(24);

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Alerts on the untouched evaluation days: a fresh detector gets the last 24 h of training data (not
    /// counted), then every evaluation minute in order. An alert counts when its still period started in
    /// evaluation time. Exposure is the worn evaluation time: not-worn minutes cannot alert and are reported apart.
    /// </summary>
    public static FalseAlarmResult FalseAlarms(IInactivityDetector detector, PersonSplit split, DayBand band, Stopwatch scoring)
    {
        var minutes = (ActivityMinute[])split.Minutes;
        var evalStartUtc = split.EvaluationStartUtc;
        var from = EmergencyInjector.LowerBound(minutes, evalStartUtc - WarmUp);
        int day = 0, night = 0, worn = 0, notWorn = 0;
        scoring.Start();
        for (var i = from; i < minutes.Length; i++)
        {
            ref readonly var m = ref minutes[i];
            var output = detector.Observe(m);
            if (i >= split.EvaluationStart) { if (m.Worn) worn++; else notWorn++; }
            if (output.Signal != DetectorSignal.Alert || detector.StillSince is not { } since || since < evalStartUtc) continue;
            if (band.IsDay(m.Local - (m.Utc - since))) day++; else night++;
        }
        scoring.Stop();
        return new FalseAlarmResult(day, night, worn, notWorn, minutes.Length - from);
    }

    /// <summary>
    /// Delay of the first alert at or after onset whose still period began at or after onset − 5 min
    /// (earlier still periods belong to the real data), measured to the end of the alerting minute; null when missed.
    /// </summary>
    public static TimeSpan? Delay(IInactivityDetector detector, Emergency emergency, Stopwatch scoring)
    {
        var stream = emergency.Stream;
        var earliestStart = emergency.OnsetUtc - Emergency.StartTolerance;
        scoring.Start();
        try
        {
            for (var i = 0; i < stream.Length; i++)
            {
                var output = detector.Observe(stream[i]);
                if (i < emergency.OnsetIndex || output.Signal != DetectorSignal.Alert) continue;
                if (detector.StillSince is { } since && since >= earliestStart) return stream[i].Utc + OneMinute - emergency.OnsetUtc;
            }
            return null;
        }
        finally { scoring.Stop(); }
    }
}

/// <summary>False-alarm figures of one detector on one person.</summary>
/// <param name="DayAlerts">Alerts whose still period started in the day band.</param>
/// <param name="NightAlerts">Alerts whose still period started at night.</param>
/// <param name="WornMinutes">Worn evaluation minutes (the exposure).</param>
/// <param name="NotWornMinutes">Evaluation minutes excluded as not worn.</param>
/// <param name="ObservedMinutes">Minutes fed to the detector, warm-up included.</param>
public readonly record struct FalseAlarmResult(int DayAlerts, int NightAlerts, int WornMinutes, int NotWornMinutes, int ObservedMinutes);
