using CareWatch.Detection;

namespace CareWatch.Evaluation.Data;

/// <summary>
/// Non-wear ("watch off") for recordings without a skin sensor: a stretch of at least
/// <see cref="MinimumMinutes"/> consecutive minutes whose counts take at most <see cref="MaxLevels"/>
/// distinct values, at most <see cref="MaxSpread"/> apart. An Actiwatch on a table reads one or two idle levels for hours — exactly 3, 2s and 3s,
/// 0s and 3s, 7s and 9s in these recordings — while a wrist, even asleep, shows a spread of small counts and
/// turn-overs. Deep sleep gives flat stretches too, but they last 60–90 minutes, below the threshold; the
/// report's excluded-minutes-by-hour table shows whether night is swallowed more than day.
/// </summary>
public static class NonWearRule
{
    /// <summary>Shortest idle stretch that is taken for a watch off the wrist.</summary>
    public const int MinimumMinutes = 120;

    /// <summary>Most distinct counts an idle stretch may contain (a device's one or two idle readings).</summary>
    public const int MaxLevels = 2;

    /// <summary>Largest difference between the idle levels (0 and 3 is the widest pair seen on this device).</summary>
    public const int MaxSpread = 3;

    /// <summary>Marks, per minute, whether it lies inside an idle stretch. A missing minute breaks a stretch.</summary>
    public static bool[] Find(IReadOnlyList<ActivityMinute> minutes)
    {
        var idle = new bool[minutes.Count];
        var counts = new Dictionary<int, int>();
        int left = 0, markedUpTo = -1;
        for (var right = 0; right < minutes.Count; right++)
        {
            if (right > 0 && minutes[right].Utc - minutes[right - 1].Utc != TimeSpan.FromMinutes(1))
            {
                left = right;
                counts.Clear();
            }
            counts[minutes[right].Activity] = counts.GetValueOrDefault(minutes[right].Activity) + 1;
            // Shrink from the left until the window holds at most two close levels: the longest idle stretch ending here.
            while (counts.Count > MaxLevels || (counts.Count == 2 && Math.Abs(counts.Keys.First() - counts.Keys.Last()) > MaxSpread))
            {
                var a = minutes[left++].Activity;
                if (--counts[a] == 0) counts.Remove(a);
            }
            if (right - left + 1 < MinimumMinutes) continue;
            for (var i = Math.Max(left, markedUpTo + 1); i <= right; i++) idle[i] = true;
            markedUpTo = right;
        }
        return idle;
    }

    /// <summary>A copy of <paramref name="minutes"/> with the idle stretches marked not worn.</summary>
    public static ActivityMinute[] Apply(IReadOnlyList<ActivityMinute> minutes)
    {
        var idle = Find(minutes);
        var result = new ActivityMinute[minutes.Count];
        for (var i = 0; i < result.Length; i++) result[i] = minutes[i] with { Worn = minutes[i].Worn && !idle[i] };
        return result;
    }
}
