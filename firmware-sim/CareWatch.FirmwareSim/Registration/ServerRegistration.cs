using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Registration;

/// <summary>
/// Registers simulated watches with a CareWatch server over its HTTP API: lists the seniors and
/// creates one device per senior, returning the connection strings the watches will use.
/// </summary>
public sealed class ServerRegistration(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The seniors known to the server.</summary>
    public async Task<IReadOnlyList<SeniorInfo>> GetSeniorsAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => http.GetAsync("api/seniors", cancellationToken), "GET api/seniors");
        await EnsureSuccessAsync(response, "GET api/seniors", cancellationToken);
        return await ReadAsync<List<SeniorInfo>>(response, "GET api/seniors", cancellationToken);
    }

    /// <summary>Creates a watch for a senior.</summary>
    public async Task<DeviceRegistration> RegisterAsync(Guid seniorId, CancellationToken cancellationToken)
    {
        var what = $"POST api/devices for senior {seniorId}";
        var response = await SendAsync(() => http.PostAsJsonAsync("api/devices", new RegisterDeviceRequest(seniorId), Json, cancellationToken), what);
        await EnsureSuccessAsync(response, what, cancellationToken);
        var registration = await ReadAsync<DeviceRegistration>(response, what, cancellationToken);
        try { DeviceConnectionString.Parse(registration.ConnectionString); }
        catch (FormatException ex) { throw new RegistrationException($"{what}: the server returned a bad connection string ({ex.Message})", ex); }
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

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        try { return await send(); }
        catch (HttpRequestException ex)
        {
            throw new RegistrationException($"cannot reach the CareWatch server at {http.BaseAddress} ({what}): {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new RegistrationException($"the CareWatch server at {http.BaseAddress} did not answer in time ({what})", ex);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > 300) body = body[..300] + "…";
        throw new RegistrationException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd());
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new RegistrationException($"{what}: the server answered JSON null");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new RegistrationException($"{what}: unexpected answer ({ex.Message})", ex);
        }
    }
}
