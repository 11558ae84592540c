using CareWatch.Detection;

namespace CareWatch.Monitoring.Training;

/// <summary>
/// The promotion gate's evaluation, the method of ops/eval.sh in small: false alarms while streaming each
/// senior's held-out days, and detection delay on emergency copies of those days — from an onset at a
/// moving minute, the senior lies still for 12 h, drawn from their own quiet-night counts, watch worn.
/// </summary>
public sealed class HoldoutEvaluator : IModelEvaluator
{
    private static readonly TimeSpan EmergencyLength = TimeSpan.FromHours(12);
    private static readonly TimeSpan PreRoll = TimeSpan.FromHours(6);
    private const int OnsetsPerDay = 2;

    /// <inheritdoc />
    public ModelEvaluation Evaluate(IDetectorFactory factory, IReadOnlyList<PersonHistory> training, IReadOnlyList<PersonHistory> holdout, int seed)
    {
        int falseAlarms = 0, emergencies = 0, missed = 0;
        double days = 0;
        var dayDelays = new List<double>();
        var nightDelays = new List<double>();
        for (var i = 0; i < holdout.Count; i++)
        {
            var person = holdout[i];
            if (person.Minutes.Count == 0) continue;
            days += person.Minutes.Count / 1440.0;
            falseAlarms += CountAlerts(factory.CreateFor(training[i]), person.Minutes);

            var pool = QuietNightCounts(training[i].Minutes);
            var still = StillDefinition.Learn(training[i].Minutes, StillDefinition.Default);
            var random = new Random(HashCode.Combine(seed, i));
            var onsets = (int)(person.Minutes.Count / 1440.0 * OnsetsPerDay);
            for (var k = 0; k < onsets; k++)
            {
                var at = random.Next(person.Minutes.Count);
                var moving = Enumerable.Range(0, 120).Select(d => at + (d % 2 == 0 ? d / 2 : -(d / 2) - 1))
                    .FirstOrDefault(j => j >= 0 && j < person.Minutes.Count && person.Minutes[j].Worn
                        && person.Minutes[j].Activity > Math.Max(pool.Max(), still.Ceiling), -1);
                if (moving < 0) continue;
                emergencies++;
                var onset = person.Minutes[moving].Utc.AddMinutes(1);
                var delay = Delay(factory.CreateFor(training[i]), Emergency(person.Minutes, moving, pool, random), onset);
                if (delay is null) missed++;
                else (DayBand.Default.IsDay(person.Minutes[moving].Local) ? dayDelays : nightDelays).Add(delay.Value.TotalMinutes);
            }
        }
        var personMonths = days / 30;
        return new ModelEvaluation(personMonths == 0 ? 0 : falseAlarms / personMonths, Median(dayDelays), Median(nightDelays),
            emergencies == 0 ? 0 : (double)missed / emergencies, emergencies, personMonths);
    }

    private static int CountAlerts(IInactivityDetector detector, IReadOnlyList<ActivityMinute> minutes) =>
        minutes.Count(m => detector.Observe(m).Signal == DetectorSignal.Alert);

    private static TimeSpan? Delay(IInactivityDetector detector, IEnumerable<ActivityMinute> stream, DateTime onset)
    {
        foreach (var m in stream)
        {
            // Only an alert for the emergency's own still period counts, not one left over from real data.
            if (detector.Observe(m).Signal == DetectorSignal.Alert && m.Utc >= onset && detector.StillSince >= onset.AddMinutes(-5))
                return m.Utc + TimeSpan.FromMinutes(1) - onset;
        }
        return null;
    }

    // Real minutes for six hours before the onset, then twelve hours of rest-like counts, worn throughout.
    private static IEnumerable<ActivityMinute> Emergency(IReadOnlyList<ActivityMinute> minutes, int moving, int[] pool, Random random)
    {
        var onset = minutes[moving].Utc.AddMinutes(1);
        var offset = minutes[moving].Local - minutes[moving].Utc;
        var copy = minutes.Take(moving + 1).Where(m => m.Utc >= onset - PreRoll).ToList();
        for (var t = onset; t < onset + EmergencyLength; t = t.AddMinutes(1))
            copy.Add(new ActivityMinute(t, t + offset, pool[random.Next(pool.Length)], Worn: true));
        return copy;
    }

    // Quiet-sleep levels: worn minutes 00:00–06:00 up to their 80th percentile (mostly 0, small twitches).
    private static int[] QuietNightCounts(IReadOnlyList<ActivityMinute> training)
    {
        var night = training.Where(m => m.Worn && m.Local.Hour < 6).Select(m => m.Activity).Order().ToArray();
        if (night.Length == 0) return [0];
        var bound = night[(int)(0.8 * (night.Length - 1))];
        return night.Where(v => v <= bound).ToArray();
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values[values.Count / 2];
    }
}
