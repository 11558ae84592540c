namespace CareWatch.Storage.Alerts;

/// <summary>The states of an alert (alerts.status), in the order an alert normally passes through them.</summary>
public static class AlertStates
{
    /// <summary>The watch is asking "Are you OK?"; staff are not called yet.</summary>
    public const string Checking = "checking";

    /// <summary>Staff are called: nobody has taken it yet.</summary>
    public const string Open = "open";

    /// <summary>Someone took it (acknowledged_by) and is on their way or on the phone.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Closed by a person with an outcome and a note (or auto-resolved, for device health).</summary>
    public const string Resolved = "resolved";

    /// <summary>The senior pressed OK in time: closed without calling anyone.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>States in which the alert is still someone's business (at most one per senior and kind).</summary>
    public static readonly IReadOnlyList<string> Active = [Checking, Open, Acknowledged];

    /// <summary>States in which staff see it as theirs to handle.</summary>
    public static readonly IReadOnlyList<string> ForStaff = [Open, Acknowledged];

    /// <summary>Whether the state is one of <see cref="Active"/>.</summary>
    public static bool IsActive(string state) => state is Checking or Open or Acknowledged;
}
