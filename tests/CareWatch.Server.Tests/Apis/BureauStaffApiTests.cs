using System.Net.Http.Json;
using CareWatch.Server.Accounts;
using CareWatch.Server.Tests.Support;
using People = CareWatch.Server.Tests.Support.Accounts;

namespace CareWatch.Server.Tests.Apis;

/// <summary>GET /api/bureau/staff: whom an alert can be assigned to.</summary>
public sealed class BureauStaffApiTests : ServerTest
{
    private sealed record Listed(Guid Id, string Name, string Role, bool OnDuty);

    [Fact]
    public async Task List_StaffOfTwoBureausOneOnDuty_OwnBureauOnlyOnDutyFirstNoRelatives()
    {
        var senior = await Arrange.SeniorAsync(Server, "Rosa Rota");
        var offDuty = await People.CreateAsync(Server, CareWatchRoles.Supervisor, senior.BureauId);
        var onDuty = await People.CreateAsync(Server, CareWatchRoles.Staff, senior.BureauId);
        await People.CreateAsync(Server, CareWatchRoles.Relative, seniorId: senior.Id);
        var stranger = await People.CreateAsync(Server, CareWatchRoles.Staff,
            (await Arrange.SeniorInNewBureauAsync(Server, "Elsewhere")).BureauId);
        await Db.ScalarAsync<int>("""
            INSERT INTO staff_shifts (bureau_id, user_id, starts_at, ends_at)
            VALUES (@b, @u, now() - interval '1 hour', now() + interval '1 hour') RETURNING 1
            """, ("b", senior.BureauId), ("u", onDuty.Id));
        using var staff = await People.SignInAsync(Server, offDuty);

        var listed = (await staff.Http.GetFromJsonAsync<List<Listed>>("api/bureau/staff"))!;

        Assert.Equal([(onDuty.Id, "staff", true), (offDuty.Id, "supervisor", false)],
            listed.Select(p => (p.Id, p.Role, p.OnDuty)));
        Assert.DoesNotContain(listed, p => p.Id == stranger.Id);
    }
}
