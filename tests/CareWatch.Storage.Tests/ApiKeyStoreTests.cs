using CareWatch.Storage;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests;

public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiKeyStore _keys = null!;
    private TenantScope _bureau = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _keys = new ApiKeyStore(_db.DataSource, TimeProvider.System);
        var bureau = await new SeniorDirectory(_db.DataSource, TimeProvider.System).AddBureauAsync("B", "Europe/Berlin");
        _bureau = TenantScope.Bureau(bureau.Id);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task CreateAsync_NewKey_OnlyItsHashIsStoredAndItVerifiesToTheBureau()
    {
        var created = await _keys.CreateAsync(_bureau, "integration");

        var verified = await _keys.VerifyAsync(created.Key);

        Assert.Equal(_bureau.BureauId, verified?.BureauId);
        Assert.NotNull((await _keys.ListAsync(_bureau)).Single().LastUsedAt);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE hash = @h",
            ("h", ApiKeyFormat.Hash(created.Key))));
        // The secret part appears nowhere in the row.
        Assert.Equal(0L, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM api_keys k WHERE strpos(row_to_json(k)::text, @secret) > 0", ("secret", created.Key[^64..])));
        Assert.Equal(created.Record.Prefix, created.Key[4..20]);
    }

    [Fact]
    public async Task VerifyAsync_SamePrefixOtherSecret_Null()
    {
        var created = await _keys.CreateAsync(_bureau, "integration");
        var last = created.Key[^1] == '0' ? '1' : '0';

        Assert.Null(await _keys.VerifyAsync(created.Key[..^1] + last));
        Assert.Null(await _keys.VerifyAsync("cwk_" + created.Record.Prefix));
        Assert.Null(await _keys.VerifyAsync("not a key"));
    }

    [Fact]
    public async Task RevokeAsync_OwnKey_NoLongerVerifiesAndOtherBureauCannotRevoke()
    {
        var created = await _keys.CreateAsync(_bureau, "integration");
        var other = await new SeniorDirectory(_db.DataSource, TimeProvider.System).AddBureauAsync("Other", "UTC");

        Assert.False(await _keys.RevokeAsync(TenantScope.Bureau(other.Id), created.Record.Id));
        Assert.NotNull(await _keys.VerifyAsync(created.Key));
        Assert.True(await _keys.RevokeAsync(_bureau, created.Record.Id));
        Assert.Null(await _keys.VerifyAsync(created.Key));
        Assert.Empty(await _keys.ListAsync(TenantScope.Bureau(other.Id)));
    }

    [Fact]
    public async Task CreateAsync_ChosenKey_Verifies()
    {
        const string key = "cwk_0123456789abcdef_demo-secret-of-at-least-thirty-two-chars";

        await _keys.CreateAsync(_bureau, "demo", key);

        Assert.Equal(_bureau.BureauId, (await _keys.VerifyAsync(key))?.BureauId);
        await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync(_bureau, "bad", "cwk_short"));
    }
}
