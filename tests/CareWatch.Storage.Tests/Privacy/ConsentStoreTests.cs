using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>Consents are recorded, listed and withdrawn within the bureau only, each change audited.</summary>
public sealed class ConsentStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private SeniorRecord _senior = null!;
    private ConsentStore _consents = null!;
    private TenantScope _scope = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var directory = new SeniorDirectory(_db.DataSource, _time);
        var bureau = await directory.AddBureauAsync("Consent bureau", "Asia/Shanghai");
        _senior = await directory.AddSeniorAsync(bureau.Id, "Consenting Senior", "Asia/Shanghai");
        _scope = TenantScope.Bureau(bureau.Id);
        _consents = new ConsentStore(_db.DataSource, new AuditLog(_db.DataSource, _time), _time);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task RecordAsync_ThenWithdraw_ListShowsWhoWhenWhatAndBothAreAudited()
    {
        var signed = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var recorded = await _consents.RecordAsync(_scope, _senior.Id,
            new NewConsent(ConsentGivers.Senior, null, [ConsentPurposes.Monitoring, ConsentPurposes.RelativeNotification], signed),
            SeniorDataSeed.Supervisor);
        _time.Advance(TimeSpan.FromDays(3));

        Assert.True(await _consents.WithdrawAsync(_scope, _senior.Id, recorded!.Id, SeniorDataSeed.Supervisor));
        Assert.False(await _consents.WithdrawAsync(_scope, _senior.Id, recorded.Id, SeniorDataSeed.Supervisor)); // once

        var listed = Assert.Single((await _consents.ListAsync(_scope, _senior.Id))!);
        Assert.Equal((ConsentGivers.Senior, signed, "user-supervisor"), (listed.GivenBy, listed.ConsentedAt, listed.RecordedBy));
        Assert.Equal(["monitoring", "relative-notification"], listed.Purposes);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, listed.WithdrawnAt);
        var audit = await new AuditLog(_db.DataSource, _time).ListAsync(_scope, new AuditQuery());
        Assert.Equal(["consent.withdrawn", "consent.recorded"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task RecordAsync_AnotherBureau_NullAndNothingStored()
    {
        var other = TenantScope.Bureau(Guid.NewGuid());

        var recorded = await _consents.RecordAsync(other, _senior.Id,
            new NewConsent(ConsentGivers.Senior, null, [ConsentPurposes.Monitoring], DateTime.UtcNow), SeniorDataSeed.Supervisor);

        Assert.Null(recorded);
        Assert.Null(await _consents.ListAsync(other, _senior.Id));
        Assert.Empty((await _consents.ListAsync(_scope, _senior.Id))!);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }
}
