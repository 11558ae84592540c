namespace CareWatch.Storage.Escalation;

/// <summary>Whom an escalation step calls (escalation_steps.recipient): one vocabulary for SQL, C# and the API.</summary>
public static class ChainRecipients
{
    /// <summary>Staff (and supervisors) on a shift now; nobody on duty means every staff member of the bureau.</summary>
    public const string OnDutyStaff = "on-duty-staff";

    /// <summary>Every supervisor of the bureau.</summary>
    public const string Supervisors = "supervisors";

    /// <summary>One contact of the senior, by their place in the senior's chain (relative_order).</summary>
    public const string Relative = "relative";

    /// <summary>Every contact of the senior.</summary>
    public const string AllRelatives = "all-relatives";

    /// <summary>One webhook of the bureau (an SMS or WeChat gateway).</summary>
    public const string Webhook = "webhook";

    /// <summary>All of them.</summary>
    public static readonly IReadOnlyList<string> All = [OnDutyStaff, Supervisors, Relative, AllRelatives, Webhook];
}
