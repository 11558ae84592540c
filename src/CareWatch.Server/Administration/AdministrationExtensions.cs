using CareWatch.Storage.Accounts;
using CareWatch.Storage.Seniors;

namespace CareWatch.Server.Administration;

/// <summary>The bureau's administration: the changes both its APIs and its pages make.</summary>
public static class AdministrationExtensions
{
    /// <summary>Registers the stores and the commands (staff commands per request: Identity's UserManager is scoped).</summary>
    public static IServiceCollection AddBureauAdministration(this IServiceCollection services)
    {
        services.AddSingleton<SeniorProfileStore>();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<SeniorCommands>();
        services.AddSingleton<ShiftCommands>();
        services.AddSingleton<CheckInCommands>();
        services.AddSingleton<WatchCommands>();
        services.AddScoped<StaffCommands>();
        return services;
    }
}
