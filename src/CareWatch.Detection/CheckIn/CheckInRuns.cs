using System.Diagnostics;
using CareWatch.Detection.Evaluation;

namespace CareWatch.Detection.CheckIn;

/// <summary>
/// Streams minutes through a detector with the check-in stage in the loop: an alert asks the senior (or calls
/// staff, as the <see cref="StagePolicy"/> says); a senior who is fine answers as the <see cref="AnswerModel"/>
/// draws, and her answer is movement — the minute she presses OK moves, so the still period ends and a new one may
/// begin; movement of her own during the check-in cancels it too; staff are called only when nobody answers.
/// In an injected emergency nobody answers. Timers and the learned model go through the same loop.
/// </summary>
public static class CheckInRuns
{
    /// <summary>The count a minute with an OK press carries: above any person's still ceiling, so it is movement.</summary>
    public const int AnsweredActivity = 100_000;

    /// <summary>The minute as a detector sees it when the senior pressed OK in it: worn and moving.</summary>
    public static ActivityMinute Answered(in ActivityMinute minute) => minute with { Activity = AnsweredActivity, Worn = true };

    /// <summary>Whether a minute carries an OK press (made by <see cref="Answered"/>).</summary>
    public static bool IsAnswered(in ActivityMinute minute) => minute.Activity >= AnsweredActivity;

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Prompts and staff alarms on the untouched evaluation days (after the same 24 h warm-up as
    /// <see cref="DetectorRuns.FalseAlarms"/>). Prompts count by the local time they are shown; staff alarms by the
    /// start of their still period, and only for still periods that began in evaluation time.
    /// </summary>
    public static CheckInResult Untouched(IInactivityDetector detector, PersonSplit split, DayBand band, AnswerModel answers,
        StagePolicy policy, Random random, Stopwatch scoring)
    {
        var minutes = (ActivityMinute[])split.Minutes;
        var evalStartUtc = split.EvaluationStartUtc;
        var from = EmergencyInjector.LowerBound(minutes, evalStartUtc - DetectorRuns.WarmUp);
        var counts = new Counts();
        var worn = 0;
        Pending? pending = null;
        scoring.Start();
        for (var i = from; i < minutes.Length; i++)
        {
            var m = minutes[i];
            var counted = i >= split.EvaluationStart;
            if (counted && m.Worn) worn++;
            if (pending is { } p)
            {
                var end = m.Utc + OneMinute;
                if (!p.SecondShown && p.SecondAt < end && !(p.AnswerAt < p.SecondAt))
                {
                    pending = p = p with { SecondShown = true };
                    if (counted) counts.Prompt(band.IsDay(m.Local));
                }
                if (p.AnswerAt < end)
                {
                    m = Answered(m);
                    pending = null;
                }
            }
            var output = detector.Observe(m);
            if (pending is { } q)
            {
                if (detector.StillSince != q.StillSince) pending = null; // she moved by herself: nobody is called
                else if (q.StaffAt <= m.Utc + OneMinute)
                {
                    if (q.StillSince >= evalStartUtc) counts.Staff(band.IsDay(q.StillSinceLocal));
                    pending = null;
                }
            }
            if (output.Signal != DetectorSignal.Alert || detector.StillSince is not { } since) continue;
            var sinceLocal = m.Local - (m.Utc - since);
            if (policy.Decide(detector.Facts?.Trigger) == Stage.AlarmStaff)
            {
                if (since >= evalStartUtc) counts.Staff(band.IsDay(sinceLocal));
                continue;
            }
            var shown = m.Utc + OneMinute;
            var day = band.IsDay(m.Local);
            if (counted) counts.Prompt(day);
            var answer = answers.Draw(day, random);
            pending = new Pending(since, sinceLocal, answer is { } a ? shown + a.After : null,
                shown + answers.SecondPromptAfter, shown + answers.StaffAfter, SecondShown: false);
        }
        scoring.Stop();
        return new CheckInResult(counts.DayPrompts, counts.NightPrompts, counts.DayStaff, counts.NightStaff, worn);
    }

    /// <summary>
    /// Onset to the staff alarm in an emergency (nobody answers): the first alert for a still period that began at
    /// or after onset − 5 min, plus the check-in's prompts when the policy asks first; null when staff are not
    /// called within the emergency's 12 h.
    /// </summary>
    public static TimeSpan? StaffDelay(IInactivityDetector detector, Emergency emergency, AnswerModel answers, StagePolicy policy,
        Stopwatch scoring)
    {
        var stream = emergency.Stream;
        var earliestStart = emergency.OnsetUtc - Emergency.StartTolerance;
        DateTime? staffAt = null;
        DateTime? askedFor = null;
        scoring.Start();
        try
        {
            for (var i = 0; i < stream.Length; i++)
            {
                var output = detector.Observe(stream[i]);
                var end = stream[i].Utc + OneMinute;
                if (askedFor is { } asked && detector.StillSince != asked) (askedFor, staffAt) = (null, null); // a twitch ended it
                if (staffAt is { } at && at <= end) return Within(at - emergency.OnsetUtc, answers);
                if (i < emergency.OnsetIndex || output.Signal != DetectorSignal.Alert) continue;
                if (detector.StillSince is not { } since || since < earliestStart) continue;
                if (policy.Decide(detector.Facts?.Trigger) == Stage.AlarmStaff) return Within(end - emergency.OnsetUtc, answers);
                (askedFor, staffAt) = (since, end + answers.StaffAfter);
            }
            // The stream ends while staff are being asked for: nobody answers, so the call comes when it is due.
            return staffAt is { } due ? Within(due - emergency.OnsetUtc, answers) : null;
        }
        finally { scoring.Stop(); }
    }

    // An alert inside the emergency's 12 h whose check-in runs out after them still calls staff: not a miss.
    private static TimeSpan? Within(TimeSpan delay, AnswerModel answers) => delay <= Emergency.Length + answers.StaffAfter ? delay : null;

    private sealed record Pending(DateTime StillSince, DateTime StillSinceLocal, DateTime? AnswerAt, DateTime SecondAt,
        DateTime StaffAt, bool SecondShown);

    private sealed class Counts
    {
        public int DayPrompts, NightPrompts, DayStaff, NightStaff;
        public void Prompt(bool day) { if (day) DayPrompts++; else NightPrompts++; }
        public void Staff(bool day) { if (day) DayStaff++; else NightStaff++; }
    }
}

/// <summary>Check-in figures of one detector on one person's untouched evaluation days.</summary>
/// <param name="DayPrompts">Prompts shown by day (first and second prompts alike).</param>
/// <param name="NightPrompts">Prompts shown at night.</param>
/// <param name="DayStaffAlarms">Staff alarms (nobody answered, or the policy called staff) for still periods begun by day.</param>
/// <param name="NightStaffAlarms">The same for still periods begun at night.</param>
/// <param name="WornMinutes">Worn evaluation minutes (the exposure).</param>
public readonly record struct CheckInResult(int DayPrompts, int NightPrompts, int DayStaffAlarms, int NightStaffAlarms, int WornMinutes);
