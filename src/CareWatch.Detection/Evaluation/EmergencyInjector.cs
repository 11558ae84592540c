
namespace CareWatch.Detection.Evaluation;

/// <summary>
/// Draws emergency onsets on a person's evaluation days and builds the emergency copies. An onset is drawn
/// uniformly over the day's 24 hours, then moved to the end of the nearest minute (within ±60 min) in which
/// the person was up and about (an onset inside sleep could not be told from sleep): that minute and the one
/// before it are both worn with a count above the resting pool's top and the person's still ceiling — a
/// lone twitch of someone resting is not being up — so the emergency's still period starts at the onset.
/// </summary>
public static class EmergencyInjector
{
    /// <summary>How far an onset may move to find a moving minute.</summary>
    public static readonly TimeSpan Search = TimeSpan.FromMinutes(60);

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>Up to <paramref name="perDay"/> emergencies on each evaluation day; onsets with no moving minute nearby are skipped.</summary>
    public static List<Emergency> Create(PersonSplit split, RestingPool pool, int movingAbove, int perDay, Random random)
    {
        var minutes = (ActivityMinute[])split.Minutes;
        var result = new List<Emergency>();
        foreach (var day in split.EvaluationDays)
        {
            for (var k = 0; k < perDay; k++)
            {
                var minuteOfDay = random.Next(24 * 60);
                var targetLocal = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
                if (NearestMoving(minutes, split.EvaluationStart, targetLocal, movingAbove) is not { } moving) continue;
                if (moving + 1 >= minutes.Length) continue; // nothing after it: the recording ended
                result.Add(Build(minutes, moving, pool, random));
            }
        }
        return result;
    }

    /// <summary>The emergency copy that starts right after the minute at <paramref name="movingIndex"/>.</summary>
    public static Emergency Build(ActivityMinute[] minutes, int movingIndex, RestingPool pool, Random random)
    {
        var last = minutes[movingIndex];
        var onsetUtc = last.Utc + OneMinute;
        var onsetLocal = last.Local + OneMinute;
        var first = LowerBound(minutes, onsetUtc - Emergency.PreRoll);
        var stream = new List<ActivityMinute>(movingIndex + 1 - first + (int)Emergency.Length.TotalMinutes);
        for (var i = first; i <= movingIndex; i++) stream.Add(minutes[i]);
        var onsetIndex = stream.Count;
        // The emergency is a continuous worn stream: the watch is on a still wrist, whatever the original
        // recording did in those hours. Local time follows the original where it exists (DST), else + 1 min.
        var original = movingIndex + 1;
        var local = onsetLocal;
        for (var t = onsetUtc; t < onsetUtc + Emergency.Length; t += OneMinute)
        {
            while (original < minutes.Length && minutes[original].Utc < t) original++;
            local = original < minutes.Length && minutes[original].Utc == t ? minutes[original].Local : (t == onsetUtc ? onsetLocal : local + OneMinute);
            stream.Add(new ActivityMinute(t, local, pool.Draw(random), Worn: true));
        }
        return new Emergency(onsetUtc, onsetLocal, stream.ToArray(), onsetIndex);
    }

    private static int? NearestMoving(ActivityMinute[] minutes, int evalStart, DateTime targetLocal, int movingAbove)
    {
        // Locate the target on the UTC axis through the local offset of a nearby minute (handles DST days).
        var probe = LowerBoundLocal(minutes, evalStart, targetLocal);
        if (probe >= minutes.Length) probe = minutes.Length - 1;
        var targetUtc = targetLocal - (minutes[probe].Local - minutes[probe].Utc);
        int? best = null;
        var bestDistance = TimeSpan.MaxValue;
        for (var i = Math.Max(evalStart, LowerBound(minutes, targetUtc - Search)); i < minutes.Length && minutes[i].Utc <= targetUtc + Search; i++)
        {
            var distance = (minutes[i].Utc - targetUtc).Duration();
            if (!IsUpAndAbout(minutes, i, movingAbove) || distance >= bestDistance) continue;
            best = i;
            bestDistance = distance;
        }
        return best;
    }

    // Up and about: this minute and the one before it both move (a lone twitch of someone resting is not).
    private static bool IsUpAndAbout(ActivityMinute[] minutes, int i, int movingAbove) =>
        i > 0 && minutes[i].Worn && minutes[i].Activity > movingAbove && minutes[i - 1].Worn && minutes[i - 1].Activity > movingAbove
        && minutes[i].Utc - minutes[i - 1].Utc == OneMinute;

    /// <summary>First index whose UTC is at or after <paramref name="utc"/>.</summary>
    internal static int LowerBound(ActivityMinute[] minutes, DateTime utc)
    {
        int lo = 0, hi = minutes.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (minutes[mid].Utc < utc) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int LowerBoundLocal(ActivityMinute[] minutes, int from, DateTime local)
    {
        int lo = from, hi = minutes.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (minutes[mid].Local < local) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
