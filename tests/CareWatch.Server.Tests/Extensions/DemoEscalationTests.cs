using CareWatch.Server.Extensions;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareWatch.Server.Tests.Extensions;

/// <summary>The demo seed's escalation: the collapsed senior's daughter, the demo relative's own contact, the short chain and demo-staff on duty, once.</summary>
public sealed class DemoEscalationTests
{
    [Fact]
    public async Task DemoSeed_EmptyDatabase_DaughterChainAndShiftOnceEvenWhenRunAgain()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString, "Demo:Seed=true",
            "Demo:Password=Demo-pass-4711-Xyz!");
        await server.WaitUntilReadyAsync();
        // The relative's contact is the seed's last step (after the shift): once it is there, the seed is done.
        await Eventually.TrueAsync(async () => await db.ScalarAsync<long>(
            "SELECT count(*) FROM senior_contacts WHERE user_id IS NOT NULL") == 1, "the demo seed linked the relative's contact");

        // Seeding again (a rerun of ops/demo.sh) adds nothing.
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = (await directory.FindBureauByNameForSystemAsync(DemoSeedExtensions.BureauName))!;
        var seniors = await directory.ListSeniorsAsync(TenantScope.Bureau(bureau.Id));
        var staff = await server.Services.GetRequiredService<DemoAccounts>().IdOfAsync(DemoAccounts.StaffUserName);
        await server.Services.GetRequiredService<DemoEscalation>().EnsureAsync(bureau, seniors, staff, CancellationToken.None);

        Assert.Equal(1, await db.ScalarAsync<long>("""
            SELECT count(*) FROM senior_contacts c JOIN seniors s ON s.id = c.senior_id
            WHERE s.display_name = 'Chen Yuying' AND c.language = 'zh' AND c.chain_order = 1 AND c.email IS NOT NULL
            """));
        // The other contact is Wang Shufen's son, the demo-relative account's own row.
        Assert.Equal(1, await db.ScalarAsync<long>("""
            SELECT count(*) FROM senior_contacts c JOIN seniors s ON s.id = c.senior_id JOIN users u ON u.id = c.user_id
            WHERE s.display_name = 'Wang Shufen' AND u.user_name = 'demo-relative'
            """));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM senior_contacts"));
        Assert.Equal("on-duty-staff@0 on-duty-staff@60 relative@90", await db.ScalarAsync<string>("""
            SELECT string_agg(recipient || '@' || after_seconds, ' ' ORDER BY position) FROM escalation_steps
            WHERE bureau_id = @b AND (recipient <> 'relative' OR relative_order = 1)
            """, ("b", bureau.Id)));
        Assert.Equal(1, await db.ScalarAsync<long>("""
            SELECT count(*) FROM staff_shifts sh JOIN users u ON u.id = sh.user_id
            WHERE u.user_name = 'demo-staff' AND sh.starts_at <= now() AND sh.ends_at > now()
            """));
    }
}
