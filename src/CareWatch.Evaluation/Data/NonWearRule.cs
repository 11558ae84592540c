using CareWatch.Detection;

namespace CareWatch.Evaluation.Data;

/// <summary>
/// Non-wear ("watch off") for recordings without a skin sensor: a stretch of at least
/// <see cref="MinimumMinutes"/> consecutive minutes whose counts stay within <see cref="MaxSpread"/> of each
/// other (max − min ≤ 1, zeros included). An Actiwatch on a table reads a near-constant small count for
/// hours; deep sleep gives flat stretches too, but they last 60–90 minutes, below the threshold.
/// </summary>
public static class NonWearRule
{
    /// <summary>Shortest flat stretch that is taken for a watch off the wrist.</summary>
    public const int MinimumMinutes = 120;

    /// <summary>Largest max − min of the counts within a flat stretch.</summary>
    public const int MaxSpread = 1;

    /// <summary>Marks, per minute, whether it lies inside a flat stretch. A missing minute breaks a stretch.</summary>
    public static bool[] Find(IReadOnlyList<ActivityMinute> minutes)
    {
        var flat = new bool[minutes.Count];
        var maxQ = new LinkedList<int>(); // indices with decreasing activity: the window's maximum first
        var minQ = new LinkedList<int>(); // indices with increasing activity: the window's minimum first
        int left = 0, markedUpTo = -1;
        for (var right = 0; right < minutes.Count; right++)
        {
            if (right > 0 && minutes[right].Utc - minutes[right - 1].Utc != TimeSpan.FromMinutes(1))
            {
                left = right; maxQ.Clear(); minQ.Clear();
            }
            var a = minutes[right].Activity;
            while (maxQ.Count > 0 && minutes[maxQ.Last!.Value].Activity <= a) maxQ.RemoveLast();
            maxQ.AddLast(right);
            while (minQ.Count > 0 && minutes[minQ.Last!.Value].Activity >= a) minQ.RemoveLast();
            minQ.AddLast(right);
            // Shrink from the left until the window is flat again: the longest flat stretch ending here.
            while (minutes[maxQ.First!.Value].Activity - minutes[minQ.First!.Value].Activity > MaxSpread)
            {
                left++;
                if (maxQ.First.Value < left) maxQ.RemoveFirst();
                if (minQ.First.Value < left) minQ.RemoveFirst();
            }
            if (right - left + 1 < MinimumMinutes) continue;
            for (var i = Math.Max(left, markedUpTo + 1); i <= right; i++) flat[i] = true;
            markedUpTo = right;
        }
        return flat;
    }

    /// <summary>A copy of <paramref name="minutes"/> with the flat stretches marked not worn.</summary>
    public static ActivityMinute[] Apply(IReadOnlyList<ActivityMinute> minutes)
    {
        var flat = Find(minutes);
        var result = new ActivityMinute[minutes.Count];
        for (var i = 0; i < result.Length; i++) result[i] = minutes[i] with { Worn = minutes[i].Worn && !flat[i] };
        return result;
    }
}
