using System.Collections.Concurrent;
using System.Text.Json;
using CareWatch.FirmwareSim.Cli;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareWatch.FirmwareSim.Bench;

/// <summary>
/// A staff board as the alert benchmark sees it: one SignalR connection to the alerts hub, signed in with the
/// bureau's API key, noting when the first push of each senior's new alert of the measured kind arrived.
/// </summary>
public sealed class BoardListener(Uri server, string apiKey, string kind, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, long> _firstSeen = new();
    private HubConnection? _connection;
    private long _pushes;

    /// <summary>When (<see cref="TimeProvider.GetTimestamp"/>) the board first heard of each senior's alert.</summary>
    public IReadOnlyDictionary<Guid, long> FirstSeen => _firstSeen;

    /// <summary>Every alert push received, of any kind and change.</summary>
    public long Pushes => Interlocked.Read(ref _pushes);

    /// <summary>Connects and starts listening.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/alerts"), o => o.Headers[ApiKeyOption.Header] = apiKey)
            .Build();
        _connection.On<JsonElement>("AlertChanged", alert =>
        {
            var at = time.GetTimestamp();
            Interlocked.Increment(ref _pushes);
            if (alert.TryGetProperty("kind", out var k) && k.GetString() == kind
                && alert.TryGetProperty("seniorId", out var s) && s.TryGetGuid(out var senior))
                _firstSeen.TryAdd(senior, at);
        });
        await _connection.StartAsync(ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
