using CareWatch.Protocol;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>A senior with something in every table: watches, minutes, events, an alert, an insight, a summary, a consent, audit entries.</summary>
internal sealed record SeniorDataSeed(BureauRecord Bureau, SeniorRecord Senior, SeniorRecord Neighbour, string Device, Guid Relative)
{
    /// <summary>The relative's sign-in name and display name (personal data erased with the senior).</summary>
    public const string RelativeName = "Torsten Enkelsohn";

    public static readonly AuditActor Supervisor = new(AuditActorKind.User, "user-supervisor", "sabine");
    public static readonly DateTime Minute0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Seeds <paramref name="name"/> (the senior the test is about) and a neighbour of the same bureau.</summary>
    public static async Task<SeniorDataSeed> CreateAsync(TestDatabase db, string name)
    {
        var time = TimeProvider.System;
        var directory = new SeniorDirectory(db.DataSource, time);
        var bureau = await directory.AddBureauAsync("Privacy bureau", "Europe/Berlin");
        var senior = await directory.AddSeniorAsync(bureau.Id, name, "Europe/Berlin");
        var neighbour = await directory.AddSeniorAsync(bureau.Id, "Nachbarin Neumann", "Europe/Berlin");
        var registry = new DeviceRegistry(db.DataSource, time, new MarkedDeviceKeys());
        var device = $"watch-{Guid.NewGuid():N}"[..18];
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), device, senior.Id);
        await registry.CreateAsync(TenantScope.Bureau(bureau.Id), device + "-n", neighbour.Id);
        await new TelemetryWriter(db.DataSource).WriteAsync([
            Message(device, senior.Id), Message(device + "-n", neighbour.Id),
        ]);
        var alerts = new AlertStore(db.DataSource);
        await Support.RaiseForTest.RaiseAsync(db.DataSource, senior.Id, "sos", null, Minute0.AddMinutes(3), "SOS pressed", factsJson: $$"""{"senior":"{{senior.Id}}"}""");
        await Support.RaiseForTest.RaiseAsync(db.DataSource, neighbour.Id, "sos", null, Minute0.AddMinutes(3), "SOS pressed");
        await new InsightStore(db.DataSource).AddIfNoneOpenAsync(senior.Id, "routine-drift", Minute0, "Later mornings", "{}");
        await using (var hourly = db.DataSource.CreateCommand("""
            INSERT INTO activity_hourly (senior_id, hour, minutes, worn_minutes, still_minutes, movement_sum, steps_sum)
            VALUES (@senior, '2025-12-01T08:00:00Z', 60, 60, 10, 4000, 300)
            """))
        {
            hourly.Parameters.AddWithValue("senior", senior.Id);
            await hourly.ExecuteNonQueryAsync();
        }
        var relative = Guid.NewGuid();
        await using (var user = db.DataSource.CreateCommand("""
            INSERT INTO users (id, user_name, normalized_user_name, display_name, role, senior_id, security_stamp,
                               concurrency_stamp, created_at)
            VALUES (@id, @name, upper(@name), @name, 'relative', @senior, 'stamp', 'stamp', now())
            """))
        {
            user.Parameters.AddWithValue("id", relative);
            user.Parameters.AddWithValue("name", RelativeName);
            user.Parameters.AddWithValue("senior", senior.Id);
            await user.ExecuteNonQueryAsync();
        }
        var audit = new AuditLog(db.DataSource, time);
        await audit.AppendAsync(new AuditEntry(new AuditActor(AuditActorKind.User, relative.ToString(), null),
            AuditActions.Alert("checking"), bureau.Id, "alert-1", senior.Id));
        var consents = new ConsentStore(db.DataSource, audit, time);
        await consents.RecordAsync(TenantScope.Bureau(bureau.Id), senior.Id,
            new NewConsent(ConsentGivers.LegalRepresentative, "Rita Vormund", [ConsentPurposes.Monitoring], Minute0), Supervisor);
        await audit.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceAssigned, bureau.Id, device, senior.Id,
            $$"""{"seniorId":"{{senior.Id}}"}"""));
        await audit.AppendAsync(new AuditEntry(Supervisor, AuditActions.DeviceAssigned, bureau.Id, device + "-n", neighbour.Id,
            $$"""{"seniorId":"{{neighbour.Id}}"}"""));
        return new SeniorDataSeed(bureau, senior, neighbour, device, relative);
    }

    private static IncomingTelemetry Message(string device, Guid senior) => new(device, senior,
        new TelemetryBatch(1, 80, false, Enumerable.Range(0, 10).Select(i => new MinuteSummary(Minute0.AddMinutes(i), 40 + i, 1, true)).ToList(),
            [new DeviceEvent(Minute0.AddMinutes(3), DeviceEventKind.Sos)]), Minute0.AddMinutes(11));
}
