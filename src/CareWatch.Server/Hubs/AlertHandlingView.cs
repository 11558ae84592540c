using CareWatch.Monitoring.Escalation;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Escalation;

namespace CareWatch.Server.Hubs;

/// <summary>
/// Who is handling an alert and what has been done, for the staff's card (never in a relative's view or push): the
/// whole bureau sees at once who took it, to whom it is assigned, whom the chain called and what it does next.
/// </summary>
/// <param name="AcknowledgedBy">The name of who took it.</param>
/// <param name="AssignedTo">The colleague it is assigned to (user id), and <paramref name="AssignedToName"/>.</param>
/// <param name="OpenedAt">When staff were first called (null while the watch still asks the senior).</param>
/// <param name="PromptDeadline">While checking: when the watch's "Are you OK?" gives up and staff are called.</param>
/// <param name="Steps">The escalation steps carried out, oldest first, with whom each notified.</param>
/// <param name="NextStep">What the chain does next and when (null: stopped, finished, or not open).</param>
/// <param name="RemindersSent">Reminders sent after the chain's last step.</param>
/// <param name="Comments">The latest comments, oldest first; <paramref name="CommentCount"/> counts all.</param>
/// <param name="ResolvedBy">Once resolved by a person: their name, the <paramref name="Outcome"/> they recorded and
/// their <paramref name="ResolutionNote"/>, so a closed card says who handled it and what they found.</param>
public sealed record AlertHandlingView(
    DateTime? AcknowledgedAt, string? AcknowledgedBy, Guid? AssignedTo, string? AssignedToName,
    DateTime? OpenedAt, DateTime? PromptDeadline, IReadOnlyList<AlertStepDone> Steps, AlertNextStepView? NextStep,
    int RemindersSent, IReadOnlyList<CardComment> Comments, int CommentCount, string? ResolvedBy = null,
    string? Outcome = null, string? ResolutionNote = null)
{
    /// <summary>The handling of <paramref name="named"/> under its bureau's <paramref name="chain"/>.</summary>
    public static AlertHandlingView From(NamedAlert named, AlertActivity activity, IReadOnlyList<EscalationStep> chain)
    {
        var (a, names) = (named.Alert, named.Names);
        return new(Utc(a.AcknowledgedAt), names.AcknowledgedBy, a.AssignedTo, names.AssignedTo, Utc(a.OpenedAt),
            a.Status == AlertStates.Checking ? Utc(a.PromptDeadline) : null, activity.Steps,
            AlertNextStepView.Of(a, chain), a.RemindersSent, activity.LatestComments, activity.CommentCount,
            names.ResolvedBy, a.Outcome, a.ResolutionNote);
    }

    private static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}

/// <summary>What the escalation chain does next for an open alert.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Step">The chain position it carries out; 0 for a reminder after the last step.</param>
/// <param name="Recipient">Whom it calls (Escalation/ChainRecipients), or <c>reminder</c> (staff on duty).</param>
public sealed record AlertNextStepView(DateTime At, int Step, string Recipient)
{
    /// <summary>The recipient word of a reminder.</summary>
    public const string Reminder = "reminder";

    /// <summary>The next step of an open alert whose chain has one pending; null otherwise.</summary>
    public static AlertNextStepView? Of(AlertRecord alert, IReadOnlyList<EscalationStep> chain)
    {
        if (alert.Status != AlertStates.Open || alert.NextStepAt is not { } at) return null;
        var (step, number) = EscalationPlanner.Next(alert, chain);
        return new(DateTime.SpecifyKind(at, DateTimeKind.Utc), step is null ? 0 : number, step?.Recipient ?? Reminder);
    }
}
