namespace CareWatch.Storage.Alerts;

/// <summary>What a queued notification says (notification_outbox.kind): one vocabulary for writers and channels.</summary>
public static class NotificationKinds
{
    /// <summary>An alert changed: the boards of its bureau (and its senior's relatives) show it as it is now.</summary>
    public const string AlertChanged = AlertTransitions.BoardKind;

    /// <summary>An alarm needs someone: an escalation step calls this recipient.</summary>
    public const string AlertOpen = "alert-open";

    /// <summary>Still nobody has acknowledged it after the chain's last step.</summary>
    public const string Reminder = "reminder";

    /// <summary>Someone took it (told to the relatives already called).</summary>
    public const string AlertAcknowledged = "alert-acknowledged";

    /// <summary>It was closed with an outcome (told to the relatives already called).</summary>
    public const string AlertResolved = "alert-resolved";
}
