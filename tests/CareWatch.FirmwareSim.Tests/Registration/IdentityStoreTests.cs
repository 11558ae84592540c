using CareWatch.FirmwareSim.Registration;

namespace CareWatch.FirmwareSim.Tests.Registration;

public sealed class IdentityStoreTests : IDisposable
{
    private static readonly Guid Ann = Guid.Parse("11111111-0000-0000-0000-000000000001");
    private static readonly Guid Bo = Guid.Parse("11111111-0000-0000-0000-000000000002");
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly string _dir = Directory.CreateTempSubdirectory("carewatch-ids-test").FullName;

    private string FilePath => Path.Combine(_dir, "ids.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_SameWatchesAndUtcOnsetsInAnOwnerOnlyFile()
    {
        var onset = new DateTime(2026, 3, 2, 9, 4, 0, DateTimeKind.Utc);
        var fleet = new StoredFleet([Watch(Ann, "w-ann"), Watch(Bo, "w-bo")],
            new Dictionary<Guid, DateTime> { [Ann] = onset });

        await IdentityStore.SaveAsync(FilePath, fleet, CancellationToken.None);
        var loaded = await IdentityStore.LoadAsync(FilePath, CancellationToken.None);

        Assert.Equal(fleet.Watches, loaded.Watches);
        Assert.Equal(onset, Assert.Single(loaded.StillSince, p => p.Key == Ann).Value);
        Assert.Equal(DateTimeKind.Utc, loaded.StillSince[Ann].Kind);
        if (!OperatingSystem.IsWindows()) Assert.Equal(IdentityStore.Permissions, File.GetUnixFileMode(FilePath));
        Assert.Equal([FilePath], Directory.GetFiles(_dir)); // no temporary file left behind
    }

    [Fact]
    public async Task SaveAsync_OverAWorldReadableFile_ReplacedByAnOwnerOnlyOne()
    {
        if (OperatingSystem.IsWindows()) return;
        await File.WriteAllTextAsync(FilePath, "{}");
        File.SetUnixFileMode(FilePath, IdentityStore.Permissions | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await IdentityStore.SaveAsync(FilePath, StoredFleet.Empty, CancellationToken.None);

        Assert.Equal(IdentityStore.Permissions, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public async Task LoadAsync_NoFile_Empty()
    {
        var loaded = await IdentityStore.LoadAsync(FilePath, CancellationToken.None);

        Assert.Empty(loaded.Watches);
        Assert.Empty(loaded.StillSince);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"watches":null,"stillSince":{}}""")]
    [InlineData("""{"watches":[{"seniorId":"11111111-0000-0000-0000-000000000001","deviceId":"w","conn""" +
                """ectionString":"x"}],"stillSince":{}}""")]
    public async Task LoadAsync_NotAStoredFleet_InvalidDataNamingTheFile(string content)
    {
        await File.WriteAllTextAsync(FilePath, content);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(
            () => IdentityStore.LoadAsync(FilePath, CancellationToken.None));

        Assert.Contains(FilePath, ex.Message);
        Assert.Equal(content, await File.ReadAllTextAsync(FilePath)); // the keys in it are not thrown away
    }

    [Fact]
    public void After_RunServedAnnOnly_AnnReplacedBoKept()
    {
        var before = new StoredFleet([Watch(Ann, "old-ann"), Watch(Bo, "w-bo")],
            new Dictionary<Guid, DateTime> { [Ann] = DateTime.UnixEpoch, [Bo] = DateTime.UnixEpoch });
        var used = new RegisteredWatch(new DeviceRegistration("new-ann", Ann, Connection("new-ann")),
            new SeniorInfo(Ann, "Ann", Guid.Empty), LastMinuteAt: null);
        var onset = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

        var after = before.After([used], new Dictionary<Guid, DateTime> { [Ann] = onset });

        Assert.Equal(["new-ann", "w-bo"], after.Watches.Select(w => w.DeviceId));
        Assert.Equal(onset, after.StillSince[Ann]);
        Assert.Equal(DateTime.UnixEpoch, after.StillSince[Bo]);
    }

    private static StoredWatch Watch(Guid senior, string deviceId) => new(senior, deviceId, Connection(deviceId));

    private static string Connection(string deviceId) => $"HostName=hub.test;DeviceId={deviceId};SharedAccessKey={Key}";
}
