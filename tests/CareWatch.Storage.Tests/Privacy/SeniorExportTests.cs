using System.Text.Json;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Privacy;
using CareWatch.TestSupport;

namespace CareWatch.Storage.Tests.Privacy;

/// <summary>The export holds everything about the senior, nothing about others, never a key; it is audited.</summary>
public sealed class SeniorExportTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private SeniorDataSeed _seed = null!;
    private SeniorExport _export = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _seed = await SeniorDataSeed.CreateAsync(_db, "Ottilie Export");
        _export = new SeniorExport(_db.DataSource, new AuditLog(_db.DataSource, TimeProvider.System));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task WriteAsync_SeniorOfTheBureau_EverySectionHersAndNoKeys()
    {
        using var output = new AsyncOnlyStream();

        Assert.True(await _export.WriteAsync(TenantScope.Bureau(_seed.Bureau.Id), _seed.Senior.Id, SeniorDataSeed.Supervisor, () => output));

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("Ottilie Export", root.GetProperty("profile").GetProperty("displayName").GetString());
        Assert.Equal(10, root.GetProperty("minutes").GetArrayLength());
        Assert.Equal(1, root.GetProperty("events").GetArrayLength());
        Assert.Equal(1, root.GetProperty("alerts").GetArrayLength());
        Assert.Equal(_seed.Senior.Id.ToString(), root.GetProperty("alerts")[0].GetProperty("facts").GetProperty("senior").GetString());
        Assert.Equal(1, root.GetProperty("insights").GetArrayLength());
        Assert.Equal(1, root.GetProperty("hourlySummaries").GetArrayLength());
        Assert.Equal("Rita Vormund", root.GetProperty("consents")[0].GetProperty("representative").GetString());
        Assert.Equal(_seed.Device, Assert.Single(root.GetProperty("devices").EnumerateArray()).GetProperty("deviceId").GetString());
        Assert.DoesNotContain(_seed.Neighbour.Id.ToString(), text);
        // Neither the stored (protected) form of the keys nor the keys themselves.
        var stored = (await _db.ScalarAsync<string>(
            "SELECT primary_key_protected || ' ' || secondary_key_protected FROM devices WHERE device_id = @d",
            ("d", _seed.Device))).Split(' ');
        var keys = stored.Concat(stored.Select(new MarkedDeviceKeys().Unprotect)).ToList();
        Assert.Equal(4, keys.Count(k => k.Length > 10));
        Assert.All(keys, key => Assert.DoesNotContain(key, text));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'senior.exported' AND senior_id = @s",
            ("s", _seed.Senior.Id)));
    }

    [Fact]
    public async Task WriteAsync_AnotherBureau_FalseNothingWrittenNothingAudited()
    {
        var opened = false;

        var found = await _export.WriteAsync(TenantScope.Bureau(Guid.NewGuid()), _seed.Senior.Id, SeniorDataSeed.Supervisor,
            () => { opened = true; return Stream.Null; });

        Assert.False(found);
        Assert.False(opened);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'senior.exported'"));
    }

    // As Kestrel's response body: a synchronous write throws, so the export must write asynchronously throughout.
    private sealed class AsyncOnlyStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous write.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            base.Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }
    }
}
