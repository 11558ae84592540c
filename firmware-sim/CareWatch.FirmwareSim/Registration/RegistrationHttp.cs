using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Registration;

/// <summary>
/// The HTTP plumbing both registrations share: every failure — unreachable server, error status, unexpected
/// body, bad connection string — becomes a <see cref="RegistrationException"/> that names the request.
/// </summary>
internal sealed class RegistrationHttp(HttpClient http)
{
    /// <summary>Web defaults, as the server writes its JSON.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends a request, turning transport failures into a clear error.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string what)
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

    /// <summary>Throws with the status and the start of the body unless the answer is a success.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.Length > 300) body = body[..300] + "…";
        throw new RegistrationException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd());
    }

    /// <summary>Reads a JSON body; null or malformed bodies are errors.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                ?? throw new RegistrationException($"{what}: the server answered JSON null");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new RegistrationException($"{what}: unexpected answer ({ex.Message})", ex);
        }
    }

    /// <summary>The connection string, if it parses; a bad one from the server is an error.</summary>
    public static string CheckedConnectionString(string connectionString, string what)
    {
        try { DeviceConnectionString.Parse(connectionString); }
        catch (FormatException ex) { throw new RegistrationException($"{what}: the server returned a bad connection string ({ex.Message})", ex); }
        return connectionString;
    }
}
