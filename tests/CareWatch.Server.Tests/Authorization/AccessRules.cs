using CareWatch.Server.Accounts;

namespace CareWatch.Server.Tests.Authorization;

/// <summary>Who may call an endpoint, as the authorisation matrix expects it.</summary>
/// <param name="Roles">Roles admitted; null = anyone, signed in or not.</param>
/// <param name="IsPage">A page: refusals are redirects to the sign-in or access-denied page, not 401/403.</param>
public sealed record AccessRule(IReadOnlySet<string>? Roles, bool IsPage = false)
{
    /// <summary>Anyone.</summary>
    public static readonly AccessRule Anonymous = new(Roles: null);

    /// <summary>A page for anyone (sign-in).</summary>
    public static readonly AccessRule AnonymousPage = new(Roles: null, IsPage: true);

    /// <summary>Policy senior-data.</summary>
    public static readonly AccessRule SeniorData = Of(CareWatchRoles.Staff, CareWatchRoles.Supervisor, CareWatchRoles.Integration, CareWatchRoles.Relative);

    /// <summary>Policy bureau-data.</summary>
    public static readonly AccessRule BureauData = Of(CareWatchRoles.Staff, CareWatchRoles.Supervisor, CareWatchRoles.Integration);

    /// <summary>Policy bureau-staff (people of a bureau: the commands on an alert).</summary>
    public static readonly AccessRule BureauStaff = Of(CareWatchRoles.Staff, CareWatchRoles.Supervisor);

    /// <summary>Policy bureau-manage.</summary>
    public static readonly AccessRule BureauManage = Of(CareWatchRoles.Supervisor, CareWatchRoles.Integration);

    /// <summary>Policy bureau-supervise.</summary>
    public static readonly AccessRule BureauSupervise = Of(CareWatchRoles.Supervisor);

    /// <summary>Policy bureau-supervise-or-admin.</summary>
    public static readonly AccessRule BureauSuperviseOrAdmin = Of(CareWatchRoles.Supervisor, CareWatchRoles.Admin);

    /// <summary>Policy admin.</summary>
    public static readonly AccessRule Admin = Of(CareWatchRoles.Admin);

    /// <summary>The fallback policy: any signed-in account or key.</summary>
    public static readonly AccessRule SignedIn = Of(CareWatchRoles.Admin, CareWatchRoles.Staff, CareWatchRoles.Supervisor,
        CareWatchRoles.Integration, CareWatchRoles.Relative);

    /// <summary>The board page: senior-data.</summary>
    public static readonly AccessRule BoardPage = SeniorData with { IsPage = true };

    /// <summary>An administration page that the bureau's people read: bureau-staff.</summary>
    public static readonly AccessRule BureauStaffPage = BureauStaff with { IsPage = true };

    /// <summary>An administration page for supervisors only: bureau-staff and bureau-supervise.</summary>
    public static readonly AccessRule BureauSupervisePage = BureauSupervise with { IsPage = true };

    /// <summary>A person's own settings page: any role signed in with a password, not an API key.</summary>
    public static readonly AccessRule PersonPage = Of(CareWatchRoles.Admin, CareWatchRoles.Staff, CareWatchRoles.Supervisor,
        CareWatchRoles.Relative) with { IsPage = true };

    /// <summary>The relatives' page: a relative of a senior only.</summary>
    public static readonly AccessRule RelativePage = Of(CareWatchRoles.Relative) with { IsPage = true };

    /// <summary>Whether <paramref name="role"/> (null = anonymous) is admitted.</summary>
    public bool Admits(string? role) => Roles is null || (role is not null && Roles.Contains(role));

    private static AccessRule Of(params string[] roles) => new(roles.ToHashSet());
}

/// <summary>
/// The expected rule of every endpoint the server maps ("METHOD route", routes as mapped, without the leading or
/// trailing slash). An endpoint missing here fails the matrix: a new endpoint needs a decision, written down.
/// </summary>
public static class AccessRules
{
    /// <summary>
    /// Rule by "METHOD route". Pages and hubs answer any method, and are listed (and called) as GET; their POSTs
    /// (sign-in, hub transports) are exercised by the sign-in and hub tests.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, AccessRule> Expected = new Dictionary<string, AccessRule>
    {
        ["GET health/live"] = AccessRule.Anonymous,
        ["GET health/ready"] = AccessRule.Anonymous,
        ["GET metrics"] = AccessRule.Admin,
        ["GET openapi/{documentName}.json"] = AccessRule.SignedIn,
        ["GET Account/Login"] = AccessRule.AnonymousPage,
        ["GET Account/Logout"] = AccessRule.AnonymousPage,
        ["GET Account/AccessDenied"] = AccessRule.AnonymousPage,
        ["GET Account/Language"] = AccessRule.AnonymousPage, // the language switch (a POST; GET goes home)
        // A relative's sign-in invitation: the signed token is the authorisation (Wwwroot/InvitationTests).
        ["GET Account/Invite/{token}"] = AccessRule.AnonymousPage,
        ["GET Index"] = AccessRule.BoardPage,
        ["GET Family"] = AccessRule.RelativePage,
        ["GET Family/Index"] = AccessRule.RelativePage,
        ["GET Settings"] = AccessRule.PersonPage, // one's own language, time zone, notifications
        ["GET "] = AccessRule.BoardPage,
        ["GET api/seniors"] = AccessRule.SeniorData,
        // Bureau administration (issue 12): pages the bureau's people read (changes are the supervisors', checked in
        // each POST handler and by AdminPagesTests), and pages for supervisors only.
        ["GET Admin"] = AccessRule.BureauStaffPage,
        ["GET Admin/Index"] = AccessRule.BureauStaffPage,
        ["GET Admin/Seniors"] = AccessRule.BureauStaffPage,
        ["GET Admin/Rota"] = AccessRule.BureauStaffPage,
        ["GET Admin/CheckIn"] = AccessRule.BureauStaffPage,
        ["GET Admin/Staff"] = AccessRule.BureauSupervisePage,
        ["GET Admin/Escalation"] = AccessRule.BureauSupervisePage,
        ["GET Admin/Senior/{seniorId:guid}"] = AccessRule.BureauSupervisePage,
        ["GET Admin/Contacts/{seniorId:guid}"] = AccessRule.BureauSupervisePage,
        ["GET Admin/Consents/{seniorId:guid}"] = AccessRule.BureauSupervisePage,
        // Bureau administration (issue 12): supervisors add and edit seniors.
        ["POST api/seniors"] = AccessRule.BureauSupervise,
        ["PUT api/seniors/{seniorId:guid}"] = AccessRule.BureauSupervise,
        // The seniors board (issue 12): bureau people and integrations; a relative sees her own senior elsewhere.
        ["GET api/seniors/states"] = AccessRule.BureauData,
        ["GET Seniors/Index"] = AccessRule.BureauData with { IsPage = true },
        ["GET Seniors"] = AccessRule.BureauData with { IsPage = true },
        ["GET api/alerts"] = AccessRule.SeniorData,
        // The senior page (issue 12): a senior's bureau, or a relative of this senior; anyone else 404.
        ["GET api/seniors/{seniorId:guid}/activity"] = AccessRule.SeniorData,
        ["GET api/seniors/{seniorId:guid}/activity/days"] = AccessRule.SeniorData,
        ["GET api/seniors/{seniorId:guid}/normal-stillness"] = AccessRule.SeniorData,
        ["GET api/seniors/{seniorId:guid}/alerts"] = AccessRule.SeniorData,
        // The page answers over HTTPS only (a plain-HTTP key client is redirected first), so its 404 for another
        // bureau's staff and another senior's relative is held by Wwwroot/SeniorPageTests instead of here.
        ["GET Seniors/{id:guid}"] = AccessRule.SeniorData with { IsPage = true },
        ["GET api/insights"] = AccessRule.BureauData,
        ["GET api/devices"] = AccessRule.BureauData,
        ["GET api/devices/{deviceId}"] = AccessRule.BureauData,
        ["GET api/devices/{deviceId}/twin"] = AccessRule.BureauData,
        ["POST api/devices"] = AccessRule.BureauManage,
        ["DELETE api/devices/{deviceId}"] = AccessRule.BureauManage,
        ["POST api/devices/{deviceId}/disable"] = AccessRule.BureauManage,
        ["POST api/devices/{deviceId}/enable"] = AccessRule.BureauManage,
        ["POST api/devices/{deviceId}/keys/{key}/regenerate"] = AccessRule.BureauManage,
        ["PUT api/devices/{deviceId}/senior"] = AccessRule.BureauManage,
        ["POST api/devices/{deviceId}/methods/{method}"] = AccessRule.BureauManage,
        ["POST api/devices/{deviceId}/messages"] = AccessRule.BureauManage,
        ["PATCH api/devices/{deviceId}/twin/desired"] = AccessRule.BureauManage,
        ["GET api/api-keys"] = AccessRule.BureauSupervise,
        ["POST api/api-keys"] = AccessRule.BureauSupervise,
        ["DELETE api/api-keys/{id:guid}"] = AccessRule.BureauSupervise,
        ["GET api/audit"] = AccessRule.BureauSupervise,
        ["GET api/seniors/{seniorId:guid}/export"] = AccessRule.BureauSupervise,
        ["POST api/seniors/{seniorId:guid}/erase"] = AccessRule.BureauSupervise,
        ["DELETE api/seniors/{seniorId:guid}"] = AccessRule.BureauSupervise,
        ["GET api/seniors/{seniorId:guid}/consents"] = AccessRule.BureauData,
        ["POST api/seniors/{seniorId:guid}/consents"] = AccessRule.BureauSupervise,
        ["POST api/seniors/{seniorId:guid}/consents/{consentId:long}/withdraw"] = AccessRule.BureauSupervise,
        ["GET api/admin/models"] = AccessRule.Admin,
        ["POST api/admin/models/train"] = AccessRule.Admin,
        ["POST api/admin/wellbeing/review"] = AccessRule.Admin,
        // Alert lifecycle: staff commands, detail, reports (issue 11).
        ["GET api/alerts/{id:long}"] = AccessRule.SeniorData,
        ["POST api/alerts/{id:long}/acknowledge"] = AccessRule.BureauStaff,
        ["POST api/alerts/{id:long}/resolve"] = AccessRule.BureauStaff,
        ["POST api/alerts/{id:long}/comments"] = AccessRule.BureauStaff,
        ["POST api/alerts/{id:long}/assign"] = AccessRule.BureauStaff,
        ["GET api/reports/response-times"] = AccessRule.BureauSupervise,
        // Whom an alert can be assigned to (issue 12): the people who handle alerts, names and roles only.
        ["GET api/bureau/staff"] = AccessRule.BureauStaff,

        // Escalation: chains, check-in settings, rota, contacts, the relatives' answer (issue 11).
        ["GET api/bureau/check-in"] = AccessRule.BureauSupervise,
        ["PUT api/bureau/check-in"] = AccessRule.BureauSupervise,
        ["GET api/bureau/escalation"] = AccessRule.BureauSupervise,
        ["PUT api/bureau/escalation"] = AccessRule.BureauSupervise,
        ["GET api/bureau/shifts"] = AccessRule.BureauSupervise,
        ["POST api/bureau/shifts"] = AccessRule.BureauSupervise,
        ["DELETE api/bureau/shifts/{shiftId:long}"] = AccessRule.BureauSupervise,
        // Supervisors and integrations (a client-records sync keeps relatives' numbers current): see ContactsApi.
        ["GET api/seniors/{seniorId:guid}/contacts"] = AccessRule.BureauManage,
        ["POST api/seniors/{seniorId:guid}/contacts"] = AccessRule.BureauManage,
        ["PUT api/seniors/{seniorId:guid}/contacts/{contactId:guid}"] = AccessRule.BureauManage,
        ["DELETE api/seniors/{seniorId:guid}/contacts/{contactId:guid}"] = AccessRule.BureauManage,
        // The signed link is the authorisation: an unsigned or wrong token gets "this link no longer works".
        ["GET respond/{token}"] = AccessRule.AnonymousPage,

        // Notifications: webhooks, dead letters (issue 11).
        ["GET api/bureau/webhooks"] = AccessRule.BureauSupervise,
        ["POST api/bureau/webhooks"] = AccessRule.BureauSupervise,
        ["DELETE api/bureau/webhooks/{webhookId:guid}"] = AccessRule.BureauSupervise,
        // Admins name the bureau (?bureauId=); supervisors see their own.
        // A person's own channels and quiet hours: staff and supervisors (the people escalation steps call).
        ["GET api/me/notifications"] = AccessRule.BureauStaff,
        ["PUT api/me/notifications"] = AccessRule.BureauStaff,
        ["GET api/notifications/dead"] = AccessRule.BureauSuperviseOrAdmin,
        ["POST api/notifications/{id:long}/retry"] = AccessRule.BureauSuperviseOrAdmin,

        ["GET hubs/alerts/negotiate"] = AccessRule.SeniorData,
        ["GET hubs/alerts"] = AccessRule.SeniorData,
        // The watches' own endpoint: a device authenticates inside MQTT (SAS), as at IoT Hub.
        ["GET $iothub/websocket"] = AccessRule.Anonymous,
        ["GET $iothub/websocket/negotiate"] = AccessRule.Anonymous,
    };

    /// <summary>Hub methods a client may invoke, with their rule (the hub's own: the board otherwise only listens).</summary>
    public static readonly IReadOnlyDictionary<string, AccessRule> HubMethods = new Dictionary<string, AccessRule>
    {
        ["Ready"] = AccessRule.SeniorData, // answers once the connection joined its group; reveals nothing
    };
}
