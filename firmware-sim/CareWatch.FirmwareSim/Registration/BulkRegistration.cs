using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareWatch.FirmwareSim.Registration;

/// <summary>
/// Registers many watches quickly for load runs: named <c>{prefix}{n:D6}</c>, spread round robin over the
/// server's seniors (several watches share a senior; the registry API requires one per watch), several
/// requests in flight. A name that already exists gets a fresh primary key instead, so a rerun with the
/// same prefix reuses its identities rather than failing.
/// </summary>
public sealed class BulkRegistration(HttpClient http)
{
    private readonly RegistrationHttp _http = new(http);

    /// <summary>The name of watch <paramref name="index"/>.</summary>
    public static string DeviceId(string prefix, int index) => $"{prefix}{index:D6}";

    /// <summary>Registers <paramref name="count"/> watches and returns their connection strings in index order.</summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(string prefix, int count, int parallelism, Action<string>? log,
        CancellationToken cancellationToken)
    {
        var seniors = await new ServerRegistration(http).GetSeniorsAsync(cancellationToken);
        if (seniors.Count == 0) throw new RegistrationException($"the server at {http.BaseAddress} has no seniors; create some first");
        var result = new string[count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                result[i] = await RegisterOneAsync(DeviceId(prefix, i), seniors[i % seniors.Count].Id, ct);
                if (Interlocked.Increment(ref done) % 5000 == 0) log?.Invoke($"registered {done:N0}/{count:N0}");
            });
        return result;
    }

    private async Task<string> RegisterOneAsync(string deviceId, Guid seniorId, CancellationToken ct)
    {
        var what = $"POST api/devices {deviceId}";
        using var response = await _http.SendAsync(() => http.PostAsJsonAsync("api/devices", new { seniorId, deviceId }, RegistrationHttp.Json, ct), what);
        if (response.StatusCode == HttpStatusCode.Conflict) return await RenewKeyAsync(deviceId, ct);
        await RegistrationHttp.EnsureSuccessAsync(response, what, ct);
        var created = await RegistrationHttp.ReadAsync<DeviceRegistration>(response, what, ct);
        return RegistrationHttp.CheckedConnectionString(created.ConnectionString, what);
    }

    private async Task<string> RenewKeyAsync(string deviceId, CancellationToken ct)
    {
        var what = $"POST api/devices/{deviceId}/keys/primary/regenerate";
        using var response = await _http.SendAsync(() => http.PostAsync($"api/devices/{Uri.EscapeDataString(deviceId)}/keys/primary/regenerate", null, ct), what);
        await RegistrationHttp.EnsureSuccessAsync(response, what, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return RegistrationHttp.CheckedConnectionString(doc.RootElement.GetProperty("primaryConnectionString").GetString() ?? "", what);
    }
}
