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

    /// <summary>
    /// Registers <paramref name="count"/> watches (default: one per senior), one per senior in list
    /// order; when more watches than seniors are asked for, seniors get a second watch in turn.
    /// </summary>
    public async Task<IReadOnlyList<RegisteredWatch>> RegisterWatchesAsync(int? count, Action<string>? log, CancellationToken cancellationToken)
    {
        var seniors = await GetSeniorsAsync(cancellationToken);
        if (seniors.Count == 0) throw new RegistrationException($"the server at {http.BaseAddress} has no seniors; create some first");
        var wanted = count ?? seniors.Count;
        if (wanted > seniors.Count) log?.Invoke($"{wanted} watches for {seniors.Count} seniors: some seniors get more than one");
        var result = new List<RegisteredWatch>(wanted);
        for (var i = 0; i < wanted; i++)
        {
            var senior = seniors[i % seniors.Count];
            var registration = await RegisterAsync(senior.Id, cancellationToken);
            log?.Invoke($"registered {registration.DeviceId} for {senior.DisplayName}");
            result.Add(new RegisteredWatch(registration, senior));
        }
        return result;
    }
}
