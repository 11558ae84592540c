using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>
/// The words of the notification e-mails in one language. Written out per language (not machine-translated at run
/// time), so a relative reads a sentence a person would write. Placeholders: {0} the senior, {1} the alert's kind,
/// {2} the reminder's number.
/// </summary>
internal sealed record MailLanguage(
    string Code, string Subject, string Opened, string Reminder, string Acknowledged, string Resolved, string Changed,
    string Severity, string CheckingLink, string Footer, IReadOnlyDictionary<string, string> Kinds,
    IReadOnlyDictionary<AlertSeverity, string> Severities)
{
    /// <summary>The kind in words; the stored word for a kind this language does not name.</summary>
    public string KindName(string kind) => Kinds.TryGetValue(kind, out var name) ? name : kind;

    /// <summary>The sentence for a notification kind (Storage/Alerts/NotificationKinds).</summary>
    public string Sentence(string notificationKind) => notificationKind switch
    {
        NotificationKinds.AlertOpen => Opened,
        NotificationKinds.Reminder => Reminder,
        NotificationKinds.AlertAcknowledged => Acknowledged,
        NotificationKinds.AlertResolved => Resolved,
        _ => Changed,
    };
}
