using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CareWatch.FirmwareSim.Tests.Support;

/// <summary>
/// The part of CareWatch's registry API the simulator uses, over real HTTP: <c>GET api/seniors</c>,
/// <c>POST api/devices</c> and <c>GET api/devices/{id}</c>, whose <c>lastMinuteAt</c> comes from
/// <paramref name="lastMinuteOf"/> (for example the newest minute an <see cref="InProcessBroker"/> received).
/// </summary>
public sealed class StubRegistry(IReadOnlyList<(Guid Id, string Name)> seniors, Func<string, DateTime?> lastMinuteOf)
    : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Guid> _devices = new();
    private Task _serving = Task.CompletedTask;
    private int _created;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>"METHOD /path" of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The <c>X-Api-Key</c> header of every request ("" when absent), in arrival order.</summary>
    public ConcurrentQueue<string> ApiKeys { get; } = new();

    public int Registered => Volatile.Read(ref _created);

    public static StubRegistry Start(IReadOnlyList<(Guid Id, string Name)> seniors,
        Func<string, DateTime?> lastMinuteOf)
    {
        var registry = new StubRegistry(seniors, lastMinuteOf);
        registry.BaseAddress = new Uri($"http://127.0.0.1:{InProcessBroker.FreePort()}/");
        registry._listener.Prefixes.Add(registry.BaseAddress.ToString());
        registry._listener.Start();
        registry._serving = registry.ServeAsync();
        return registry;
    }

    /// <summary>The server forgets a watch (as after DELETE api/devices/{id}).</summary>
    public void Forget(string deviceId) => _devices.TryRemove(deviceId, out _);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue($"{context.Request.HttpMethod} {path}");
            ApiKeys.Enqueue(context.Request.Headers["X-Api-Key"] ?? "");
            using var reader = new StreamReader(context.Request.InputStream);
            var (status, body) = Answer(context.Request.HttpMethod, path, await reader.ReadToEndAsync());
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (HttpStatusCode, string) Answer(string method, string path, string request)
    {
        if (method == "GET" && path == "/api/seniors")
            return (HttpStatusCode.OK, JsonSerializer.Serialize(seniors.Select(s =>
                new { id = s.Id, displayName = s.Name, bureauId = Guid.Empty, timeZone = "Asia/Shanghai" })));
        if (method == "POST" && path == "/api/devices")
        {
            var senior = JsonDocument.Parse(request).RootElement.GetProperty("seniorId").GetGuid();
            var id = $"dev-{Interlocked.Increment(ref _created)}";
            _devices[id] = senior;
            return (HttpStatusCode.Created, JsonSerializer.Serialize(new
            {
                deviceId = id,
                seniorId = senior,
                connectionString = $"HostName=hub.test;DeviceId={id};SharedAccessKey={TestWatches.Key}",
            }));
        }
        if (method == "GET" && path.StartsWith("/api/devices/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path["/api/devices/".Length..]);
            if (!_devices.TryGetValue(id, out var senior)) return (HttpStatusCode.NotFound, """{"title":"unknown"}""");
            return (HttpStatusCode.OK, JsonSerializer.Serialize(new
            {
                deviceId = id, seniorId = senior, enabled = true, lastMinuteAt = lastMinuteOf(id),
            }));
        }
        return (HttpStatusCode.NotFound, "{}");
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
