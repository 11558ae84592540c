using System.Text.Json;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Registration;

/// <summary>
/// Reads and writes the <see cref="StoredFleet"/> file of <c>run --identities</c>. The file holds device keys,
/// so it is readable by its owner only (mode 600) and replaced in one rename, never left half written.
/// </summary>
public static class IdentityStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Owner read and write only.</summary>
    public const UnixFileMode Permissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The stored fleet, or <see cref="StoredFleet.Empty"/> when the file does not exist yet. A file that is not a
    /// stored fleet is an <see cref="InvalidDataException"/>: overwriting it could throw away the only copy of keys.
    /// </summary>
    public static async Task<StoredFleet> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return StoredFleet.Empty;
        StoredFleet? fleet;
        try
        {
            await using var stream = File.OpenRead(path);
            fleet = await JsonSerializer.DeserializeAsync<StoredFleet>(stream, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"--identities '{path}' is not a stored fleet ({ex.Message}); fix or remove it", ex);
        }
        if (fleet?.Watches is null || fleet.StillSince is null)
            throw new InvalidDataException($"--identities '{path}' lacks 'watches' or 'stillSince'; fix or remove it");
        foreach (var watch in fleet.Watches)
        {
            if (string.IsNullOrWhiteSpace(watch.DeviceId))
                throw new InvalidDataException($"--identities '{path}': a watch without deviceId; fix or remove it");
            try { DeviceConnectionString.Parse(watch.ConnectionString ?? ""); }
            catch (FormatException ex)
            {
                throw new InvalidDataException(
                    $"--identities '{path}': bad connection string for {watch.DeviceId} ({ex.Message})", ex);
            }
        }
        var utc = fleet.StillSince.ToDictionary(p => p.Key, p => DateTime.SpecifyKind(p.Value, DateTimeKind.Utc));
        return fleet with { StillSince = utc };
    }

    /// <summary>Writes the fleet: a new file beside the old one, created with mode 600, then renamed over it.</summary>
    public static async Task SaveAsync(string path, StoredFleet fleet, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Permissions;
        try
        {
            File.Delete(temporary); // left by a run that died while writing
            await using (var stream = new FileStream(temporary, options))
                await JsonSerializer.SerializeAsync(stream, fleet, Json, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // only still there when writing failed
        }
    }
}
