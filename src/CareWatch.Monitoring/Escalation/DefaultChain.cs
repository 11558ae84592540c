using CareWatch.Storage.Escalation;

namespace CareWatch.Monitoring.Escalation;

/// <summary>
/// The chain of a bureau that has configured none: staff on duty at once, the supervisors after 3 minutes (the
/// social-alarm standard's "99% answered within 3 min"), every relative after 5 minutes; then reminders to the staff
/// on duty at the bureau's reminder interval until someone acknowledges.
/// </summary>
public static class DefaultChain
{
    /// <summary>The steps.</summary>
    public static readonly IReadOnlyList<EscalationStep> Steps =
    [
        new(1, 0, ChainRecipients.OnDutyStaff),
        new(2, 180, ChainRecipients.Supervisors),
        new(3, 300, ChainRecipients.AllRelatives),
    ];

    /// <summary>The bureau's own steps, or these when it has none.</summary>
    public static IReadOnlyList<EscalationStep> Or(IReadOnlyList<EscalationStep> own) => own.Count > 0 ? own : Steps;
}
