using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareWatch.TestSupport;

/// <summary>
/// A real HTTP server (Kestrel on a loopback port the OS picks) standing in for an SMS/WeChat gateway: it records
/// every request with its headers and exact body bytes, and answers with the status <see cref="Respond"/> chooses
/// (200 unless a test says otherwise: 503 to prove retries, 400 to prove a refusal for good).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The webhook's address (<c>http://127.0.0.1:port/hook</c>); any path is answered.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The status code for a request (called after it is recorded). Default: 200.</summary>
    public Func<ReceivedRequest, int> Respond { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>The requests so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        // Kestrel reports the port the OS chose once it listens.
        receiver.Url = new Uri(new Uri(app.Urls.Single()), "/hook");
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForRequestsAsync(int count)
    {
        await Eventually.TrueAsync(() => _requests.Count >= count, $"{count} request(s) at the webhook receiver");
        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "", headers,
            body.ToArray());
        _requests.Enqueue(request);
        context.Response.StatusCode = Respond(request);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> received.</summary>
/// <param name="Headers">Its headers by name (case-insensitive); repeated values joined with commas.</param>
/// <param name="Body">The body's exact bytes (what a signature is computed over).</param>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
