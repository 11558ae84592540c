using CareWatch.Detection.CheckIn;
using CareWatch.Evaluation.Data;
using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Reporting;

/// <summary>The method as the report states it; kept next to the constants it quotes so they cannot drift apart.</summary>
public static class MethodNotes
{
    /// <summary>Markdown bullet lines.</summary>
    public static IEnumerable<string> Lines(int emergenciesPerDay) =>
    [
        "- **Input.** Per-person CSV files (`timestamp,activity[,worn]`, local wall-clock time, one row a minute, extra columns ignored, " +
        "missing rows are gaps). Local time becomes UTC by walking the rows: UTC advances by the local difference, except at a DST jump " +
        "(+61 or −59 local minutes), where it advances one minute. Unreadable rows are **counted and skipped** (listed under Run with file and line); " +
        "a file without `timestamp` and `activity` columns stops the run.",
        $"- **Non-wear rule** (files without a `worn` column): a stretch of at least {NonWearRule.MinimumMinutes} consecutive minutes whose counts " +
        $"stay within max − min ≤ {NonWearRule.MaxSpread} (zeros included) is the watch off the wrist. Shorter flat stretches (deep sleep, 60–90 min) stay worn. " +
        "The detectors see those minutes as `Worn=false`, as a real watch's skin sensor would report them; they cannot raise inactivity alerts then, " +
        "so the excluded amount is reported by hour instead. A file's `worn` column, when present, replaces the rule.",
        $"- **Split.** Per person by local calendar day: the first {PersonSplit.TrainFraction:0%} of their days (rounded down, at least " +
        $"{PersonSplit.MinimumTrainDays} where possible) train, the rest evaluate. Detectors get only that person's training minutes; the learned model's " +
        "population training gets only the training minutes of all people. Nothing is ever evaluated on a training day.",
        "- **False alarms.** Each person's real evaluation days stream, in order, through a fresh detector after a 24 h warm-up on the end of their " +
        "training data (not counted). An alert counts when its still period started in evaluation time. Rate = alerts per person-month, where a " +
        "person-month is 30 days of *worn* evaluation time. Day/night of an alarm follows the start of its still period.",
        $"- **Emergencies.** {emergenciesPerDay} onsets per evaluation day, each drawn uniformly over the 24 hours (seeded per person), then moved to the " +
        $"end of the nearest minute within ±{EmergencyInjector.Search.TotalMinutes:0} min in which the person was moving (worn, count above both the top of " +
        "their resting pool and their still ceiling from `StillDefinition`, so the emergency's still period begins at the onset); skipped if there is none. " +
        $"From the onset, for {Emergency.Length.TotalHours:0} h, the activity is replaced by values drawn i.i.d. from the person's **resting pool** and the " +
        "watch is worn throughout (worn is never re-derived from the modified copy). The resting pool: the person's worn minutes between 00:00 and 06:00 " +
        $"on their training days whose count is at most the {RestingPool.Percentile:0%} percentile of those night minutes (quiet-sleep levels: mostly 0 " +
        $"with small twitches); with fewer than {RestingPool.MinimumNightMinutes} such minutes (a watch charged every night), their worn training minutes at or below the {RestingPool.FallbackPercentile:0%} percentile of all their worn minutes.",
        $"- **Delay.** A fresh detector runs from onset − {Emergency.PreRoll.TotalHours:0} h (real data) to onset + {Emergency.Length.TotalHours:0} h. " +
        $"Delay = end of the minute of the first alert at or after onset whose still period began at or after onset − {Emergency.StartTolerance.TotalMinutes:0} min, " +
        "minus onset; an emergency without one is missed. Day (08–22 h) or night by the onset's local hour. Medians and 90th percentiles " +
        "(nearest rank) count misses as later than any alert: a figure that falls on a miss is shown as \"> 12 h\".",
        "- **Baselines** use the same per-person still definition (`StillDefinition`) as the model, so the comparison isolates the timing policy.",
        "- **Targets.** \"Better than every fixed-timer baseline at an equal false-alarm rate\": the model's medians are interpolated linearly " +
        "between its sensitivities at each baseline's false-alarm rate (above its highest rate, its most sensitive point is used; below its lowest, it fails); " +
        "better = no slower by day or night and faster in one. The safety-floor target checks every sensitivity against its own floors (4 h by day / 10 h at night as shipped, 12 h for the cautious ones): no miss and no delay beyond them.",
        $"- **Check-in (two-stage).** Every detector, the timers included, runs again with the check-in in the loop (`CheckInRuns`). An alert asks the senior " +
        "(the `StagePolicy` may call staff at once: a watch that cannot be reached, or optionally a safety-floor alert). On the untouched days a senior who is " +
        $"fine answers as the answer model draws (default: first prompt {AnswerModel.Default.FirstDay:0.##} by day / {AnswerModel.Default.FirstNight:0.##} at night within " +
        $"{AnswerModel.Default.Window.TotalMinutes:0} min; if missed, a second prompt {AnswerModel.Default.SecondPromptAfter.TotalMinutes:0} min after the first, answered with " +
        $"{AnswerModel.Default.SecondDay:0.##} / {AnswerModel.Default.SecondNight:0.##}); the minute she presses OK is movement, so her still period ends and a new one may begin " +
        "(and may be asked about again). Movement of her own during the check-in cancels it. Staff are called when neither prompt is answered, " +
        $"{AnswerModel.Default.StaffAfter.TotalMinutes:0} min after the first prompt. In an injected emergency nobody answers: onset to staff = the detector's delay plus " +
        "the check-in. Prompts count by the local hour they are shown (per worn person-day by day, per worn person-month at night); staff false alarms per " +
        "worn person-month. The answer draws are seeded per person and the same for every detector (a paired comparison). The sweep measures the untouched " +
        "days again with the first prompt's chance changed (by day 0.8 / 0.95, at night 0.5 / 0.9; the rest as default); emergencies do not depend on it. " +
        "An alert inside the 12 h emergency whose check-in ends after them still counts as found.",
        "- **Recommended sensitivity.** One that meets every check-in target, the fastest by day among them; when none does, the one whose figures exceed " +
        "the targets by the least (the sum of each figure's excess relative to its target). The product ships it (`LearnedDetectorOptions.WithCheckIn`, " +
        "`Monitoring:Alpha`), and a test holds the two together.",
        "- **Cost.** µs per Observe = Stopwatch time of the streaming loops / minutes streamed, per detector, two people in parallel.",
    ];
}
