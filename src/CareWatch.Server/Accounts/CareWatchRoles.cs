namespace CareWatch.Server.Accounts;

/// <summary>
/// The roles of CareWatch, one per account. Staff and supervisors belong to one bureau; a relative is linked to one
/// senior; an admin runs the platform (bureaus, accounts, the model) and sees no senior's data. Integrations are
/// not people: they sign in with a bureau-scoped API key and get <see cref="Integration"/>.
/// </summary>
public static class CareWatchRoles
{
    /// <summary>Platform administrator: accounts, bureaus, model training, wellbeing review.</summary>
    public const string Admin = "admin";

    /// <summary>Bureau supervisor: everything staff can do, plus the bureau's watches, accounts and audit log.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Bureau staff: the bureau's board, seniors, watches (read) and alerts.</summary>
    public const string Staff = "staff";

    /// <summary>A relative of one senior: that senior's alerts only.</summary>
    public const string Relative = "relative";

    /// <summary>A bureau's integration (API key): registers and manages the bureau's watches.</summary>
    public const string Integration = "integration";

    /// <summary>The roles a person's account may have (integrations are API keys, not accounts).</summary>
    public static readonly IReadOnlyList<string> People = [Admin, Supervisor, Staff, Relative];
}
