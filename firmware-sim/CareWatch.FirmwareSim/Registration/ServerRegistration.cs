using System.Net;
using System.Net.Http.Json;

namespace CareWatch.FirmwareSim.Registration;

/// <summary>
/// Registers simulated watches with a CareWatch server over its HTTP API: lists the seniors and
/// creates one device per senior, returning the connection strings the watches will use.
/// </summary>
public sealed class ServerRegistration(HttpClient http)
{
    private readonly RegistrationHttp _http = new(http);

    /// <summary>The seniors known to the server.</summary>
    public async Task<IReadOnlyList<SeniorInfo>> GetSeniorsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(() => http.GetAsync("api/seniors", cancellationToken), "GET api/seniors");
        await RegistrationHttp.EnsureSuccessAsync(response, "GET api/seniors", cancellationToken);
        return await RegistrationHttp.ReadAsync<List<SeniorInfo>>(response, "GET api/seniors", cancellationToken);
    }

    /// <summary>Creates a watch for a senior.</summary>
    public async Task<DeviceRegistration> RegisterAsync(Guid seniorId, CancellationToken cancellationToken)
    {
        var what = $"POST api/devices for senior {seniorId}";
        using var response = await _http.SendAsync(
            () => http.PostAsJsonAsync("api/devices", new RegisterDeviceRequest(seniorId), RegistrationHttp.Json, cancellationToken), what);
        await RegistrationHttp.EnsureSuccessAsync(response, what, cancellationToken);
        var registration = await RegistrationHttp.ReadAsync<DeviceRegistration>(response, what, cancellationToken);
        RegistrationHttp.CheckedConnectionString(registration.ConnectionString, what);
        return registration;
    }

    /// <summary>The watch's registry status, or null when the server does not know it (404).</summary>
    public async Task<DeviceStatus?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        var what = $"GET api/devices/{deviceId}";
        using var response = await _http.SendAsync(
            () => http.GetAsync($"api/devices/{Uri.EscapeDataString(deviceId)}", cancellationToken), what);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await RegistrationHttp.EnsureSuccessAsync(response, what, cancellationToken);
        return await RegistrationHttp.ReadAsync<DeviceStatus>(response, what, cancellationToken);
    }

    /// <summary>
    /// Registers <paramref name="count"/> watches (default: one per senior), one per senior in list
    /// order; when more watches than seniors are asked for, seniors get a second watch in turn.
    /// </summary>
    public Task<IReadOnlyList<RegisteredWatch>> RegisterWatchesAsync(int? count, Action<string>? log,
        CancellationToken cancellationToken) => RegisterWatchesAsync(count, [], log, cancellationToken);

    /// <summary>
    /// As <see cref="RegisterWatchesAsync(int?, Action{string}?, CancellationToken)"/>, but a senior's watch is
    /// one of <paramref name="known"/> when the server still has it registered to her: a rerun keeps each senior
    /// on the watch she had, with its history, and registers only the missing ones.
    /// </summary>
    public async Task<IReadOnlyList<RegisteredWatch>> RegisterWatchesAsync(int? count, IReadOnlyList<StoredWatch> known,
        Action<string>? log, CancellationToken cancellationToken)
    {
        var seniors = await GetSeniorsAsync(cancellationToken);
        if (seniors.Count == 0) throw new RegistrationException($"the server at {http.BaseAddress} has no seniors; create some first");
        var wanted = count ?? seniors.Count;
        if (wanted > seniors.Count) log?.Invoke($"{wanted} watches for {seniors.Count} seniors: some seniors get more than one");
        var unused = known.ToList();
        var result = new List<RegisteredWatch>(wanted);
        for (var i = 0; i < wanted; i++)
        {
            var senior = seniors[i % seniors.Count];
            if (await ReuseAsync(senior, unused, log, cancellationToken) is { } reused)
            {
                result.Add(reused);
                continue;
            }
            var registration = await RegisterAsync(senior.Id, cancellationToken);
            // Ids, never names: a simulator's output ends up in CI logs and tickets (no personal data in logs).
            log?.Invoke($"registered {registration.DeviceId} for senior {senior.Id}");
            result.Add(new RegisteredWatch(registration, senior, LastMinuteAt: null));
        }
        return result;
    }

    // The senior's next stored watch that the server still has registered to her; each is used once, so a
    // senior with one stored watch never ends up with two.
    private async Task<RegisteredWatch?> ReuseAsync(SeniorInfo senior, List<StoredWatch> unused, Action<string>? log,
        CancellationToken cancellationToken)
    {
        while (unused.FirstOrDefault(w => w.SeniorId == senior.Id) is { } stored)
        {
            unused.Remove(stored);
            var status = await GetDeviceAsync(stored.DeviceId, cancellationToken);
            if (status is null)
            {
                log?.Invoke($"{stored.DeviceId} (stored for senior {senior.Id}) is no longer registered");
                continue;
            }
            if (status.SeniorId != senior.Id)
            {
                log?.Invoke($"{stored.DeviceId} (stored for senior {senior.Id}) is now assigned to someone else");
                continue;
            }
            var history = status.LastMinuteAt is { } last ? $"history up to {last:u}" : "no history yet";
            // Someone disabled it on purpose: a replacement would give her a second watch, so say why it fails.
            var disabled = status.Enabled ? "" : "; disabled on the server, so its connections will be refused";
            log?.Invoke($"reusing {stored.DeviceId} for senior {senior.Id} ({history}{disabled})");
            var device = new DeviceRegistration(stored.DeviceId, senior.Id, stored.ConnectionString);
            var lastMinute = status.LastMinuteAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null;
            return new RegisteredWatch(device, senior, lastMinute);
        }
        return null;
    }
}
