using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.CheckIn;

/// <summary>What to do with an alert when the senior presses OK on the watch.</summary>
public enum OkAnswer
{
    /// <summary>No active inactivity alert: the press answers nothing (a stray press is not recorded).</summary>
    Ignore,
    /// <summary>The watch was still asking: the alert is cancelled by the senior, nobody is called.</summary>
    Cancel,
    /// <summary>Staff were already called: recorded for them (senior-answered-late); the alert stays theirs.</summary>
    AnsweredLate,
}

/// <summary>What the check-in sweep does with a check-in whose window passed without an OK.</summary>
public enum DeadlineAction
{
    /// <summary>Ask once more (the bureau's second prompt) before calling staff.</summary>
    SecondPrompt,
    /// <summary>Open the alert for staff.</summary>
    Open,
}

/// <summary>The check-in's decisions, as plain functions of the stored alert and the bureau's settings.</summary>
public static class CheckInDecision
{
    /// <summary>How many prompts at most (the first, and the bureau's optional second).</summary>
    public const int MaxPrompts = 2;

    /// <summary>What an OK pressed at <paramref name="at"/> does to the senior's active inactivity alert, if any.</summary>
    public static OkAnswer OnOk(AlertRecord? inactivity, DateTime at)
    {
        if (inactivity is not { IsActive: true } alert || alert.Kind != AlertKinds.Inactivity) return OkAnswer.Ignore;
        // An OK from before the alert was raised (a replayed buffer) answers no prompt.
        if (at < alert.RaisedAt.AddMinutes(-1)) return OkAnswer.Ignore;
        return alert.Status == AlertStates.Checking ? OkAnswer.Cancel : OkAnswer.AnsweredLate;
    }

    /// <summary>What a check-in whose prompt gave up calls for.</summary>
    public static DeadlineAction AtDeadline(AlertRecord checking, bool secondPrompt) =>
        secondPrompt && checking.PromptCount is > 0 and < MaxPrompts ? DeadlineAction.SecondPrompt : DeadlineAction.Open;
}
