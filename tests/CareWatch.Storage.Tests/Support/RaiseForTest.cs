using CareWatch.Storage.Alerts;

namespace CareWatch.Storage.Tests.Support;

/// <summary>Alerts arranged through the lifecycle's one writer, for storage tests.</summary>
public static class RaiseForTest
{
    private static readonly AlertActor Test = AlertActor.System("test");

    /// <summary>Raises an open alert at <paramref name="at"/>.</summary>
    public static async Task<AlertRecord> RaiseAsync(Npgsql.NpgsqlDataSource db, Guid senior, string kind, DateTime? still,
        DateTime at, string explanation, string? factsJson = null) =>
        (await new AlertTransitions(db, new OutboxWakeup()).RaiseAsync(new NewAlert(senior, kind, AlertSeverity.High,
            AlertStates.Open, still, still ?? at, explanation, factsJson), Test, at)).Alert;

    /// <summary>Resolves the alert at <paramref name="at"/> (a person closed it).</summary>
    public static async Task ResolveAsync(Npgsql.NpgsqlDataSource db, AlertRecord alert, DateTime at) =>
        await new AlertTransitions(db, new OutboxWakeup()).ApplyAsync(alert.Id, alert.Version,
            new AlertChange(AlertEvents.Resolved, Test, AlertStates.Active, AlertStates.Resolved)
                .Set("outcome", AlertOutcomes.FalseAlarm).Set("closed_at", at), at);
}
