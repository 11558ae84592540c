namespace CareWatch.Detection.CheckIn;

/// <summary>The first stage's choice when a detector alerts.</summary>
public enum Stage
{
    /// <summary>Ask the senior on the watch first; staff are called only when nobody answers.</summary>
    Prompt,
    /// <summary>Call staff now, without asking.</summary>
    AlarmStaff,
}

/// <summary>
/// The two-stage policy: which detector alerts ask the senior first and which call staff at once. A watch that
/// cannot be reached cannot ask. A safety floor means the stillness is long past the time of day's allowance;
/// <paramref name="FloorCallsStaff"/> says whether it calls staff at once (saving the check-in's minutes in an
/// emergency) or asks like any other alert (sparing staff the naps that reach the floor). The evaluation measures
/// both (docs/detection.md); the monitor and the evaluation decide through the same policy.
/// </summary>
/// <param name="FloorCallsStaff">A safety-floor alert calls staff without asking.</param>
public sealed record StagePolicy(bool FloorCallsStaff)
{
    /// <summary>The shipped policy: every alert asks first, the floor included (see docs/detection.md).</summary>
    public static StagePolicy Default { get; } = new(FloorCallsStaff: false);

    /// <summary>What to do with an alert set off by <paramref name="trigger"/>, given whether the watch can be asked.</summary>
    public Stage Decide(AlertTrigger? trigger, bool watchReachable = true) =>
        !watchReachable || (FloorCallsStaff && trigger == AlertTrigger.SafetyFloor) ? Stage.AlarmStaff : Stage.Prompt;
}
