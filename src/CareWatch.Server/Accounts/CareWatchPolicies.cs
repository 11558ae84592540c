namespace CareWatch.Server.Accounts;

/// <summary>
/// The authorisation policies. The composition root applies one per API area (<c>RequireAuthorization</c> on the
/// group each <c>Map…Api</c> returns); the authorisation matrix test holds every endpoint to its expected answer.
/// </summary>
public static class CareWatchPolicies
{
    /// <summary>Anyone with a tenant scope: bureau staff, supervisors, integrations, and relatives (their senior).</summary>
    public const string SeniorData = "senior-data";

    /// <summary>Bureau staff, supervisors and integrations: the bureau's seniors, watches and insights.</summary>
    public const string BureauData = "bureau-data";

    /// <summary>
    /// Staff and supervisors, not integrations: the commands on an alert (acknowledge, resolve, comment, assign).
    /// Acknowledging says "a person has this and is acting", which stops the escalation chain; an API key is not a
    /// person who can go and look, so it must not silence the chain on anyone's behalf.
    /// </summary>
    public const string BureauStaff = "bureau-staff";

    /// <summary>Supervisors and integrations: changes to the bureau's watches and privacy requests.</summary>
    public const string BureauManage = "bureau-manage";

    /// <summary>Supervisors only: the bureau's audit log and accounts.</summary>
    public const string BureauSupervise = "bureau-supervise";

    /// <summary>
    /// Supervisors (their bureau) and platform administrators (any bureau they name): dead notifications. A dead letter
    /// is often the platform's problem (an SMTP relay, a gateway's certificate), which the admins fix and retry.
    /// </summary>
    public const string BureauSuperviseOrAdmin = "bureau-supervise-or-admin";

    /// <summary>Platform administrators: training, wellbeing review, bureaus and accounts.</summary>
    public const string Admin = "admin";

    /// <summary>A relative, signed in, for their own senior only (their page: /Family).</summary>
    public const string Relative = "relative";
}
