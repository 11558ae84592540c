using CareWatch.Server.Accounts;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Seniors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Administration;

/// <summary>The bureau's administration: the changes both its APIs and its pages make.</summary>
public static class AdministrationExtensions
{
    /// <summary>The administration pages that only supervisors open.</summary>
    public static readonly IReadOnlyList<string> SupervisorPages =
        ["/Admin/Staff", "/Admin/Senior", "/Admin/Contacts", "/Admin/Consents", "/Admin/Escalation"];

    /// <summary>Registers the stores and the commands (staff commands per request: Identity's UserManager is scoped).</summary>
    public static IServiceCollection AddBureauAdministration(this IServiceCollection services)
    {
        services.AddSingleton<SeniorProfileStore>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<SeniorCommands>();
        services.AddSingleton<ShiftCommands>();
        services.AddSingleton<CheckInCommands>();
        services.AddSingleton<WatchCommands>();
        services.AddSingleton<EscalationCommands>();
        services.AddSingleton<ContactCommands>();
        services.AddSingleton<ConsentCommands>();
        services.AddScoped<StaffCommands>();
        services.AddScoped<InvitationCommands>();
        // The pages (Pages/Admin): the bureau's people may read what is harmless (seniors, rota, check-in); accounts,
        // a senior's record, contacts, consent and the chain are for supervisors. Changes check the supervise policy
        // in each POST handler (AdminPageModel), since a page's rule covers all its handlers.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", CareWatchPolicies.BureauStaff);
            foreach (var page in SupervisorPages) o.Conventions.AuthorizePage(page, CareWatchPolicies.BureauSupervise);
        });
        return services;
    }
}
