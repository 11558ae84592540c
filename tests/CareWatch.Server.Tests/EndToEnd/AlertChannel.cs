using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareWatch.Server.Tests.EndToEnd;

/// <summary>The alert as a board receives it over SignalR (deserialised independently of the server's type).</summary>
/// <param name="Handling">Who is on it and what the chain did: for the bureau's boards only.</param>
public sealed record ReceivedAlert(long Id, Guid SeniorId, string SeniorName, string Kind, string Status,
    DateTime? StillSince, DateTime RaisedAt, DateTime? ClosedAt, string Explanation, DateTime? EndedAt = null,
    System.Text.Json.JsonElement? Handling = null);

/// <summary>A person called about an alert, as their board receives it.</summary>
public sealed record ReceivedCall(ReceivedAlert Alert, string Kind);

/// <summary>A SignalR client on the alerts hub that queues what it receives, like a browser board does.</summary>
public sealed class AlertChannel : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<ReceivedAlert> _received = Channel.CreateUnbounded<ReceivedAlert>();
    private readonly Channel<ReceivedCall> _calls = Channel.CreateUnbounded<ReceivedCall>();

    private AlertChannel(HubConnection connection)
    {
        _connection = connection;
        _connection.On<ReceivedAlert>("AlertChanged", a => _received.Writer.TryWrite(a));
        _connection.On<ReceivedCall>("AlertCalled", c => _calls.Writer.TryWrite(c));
    }

    /// <summary>
    /// Connects to /hubs/alerts on the server as the integration of a bureau (by default the test bureau), as an
    /// API-key client does: the key in a header of the connection.
    /// </summary>
    public static async Task<AlertChannel> ConnectAsync(ServerHost server, Guid? bureauId = null)
    {
        var key = await server.ApiKeyAsync(bureauId ?? await server.TestBureauAsync());
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/alerts"), o => o.Headers["X-Api-Key"] = key)
            .Build();
        var channel = new AlertChannel(connection);
        await connection.StartAsync();
        return channel;
    }

    /// <summary>Connects as a signed-in person (their sign-in cookie), as their board in a browser does.</summary>
    public static async Task<AlertChannel> ConnectAsync(ServerHost server, Support.SignedInClient person)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/alerts"), o => o.Headers["Cookie"] = person.Cookies.Header)
            .Build();
        var channel = new AlertChannel(connection);
        await connection.StartAsync();
        return channel;
    }

    /// <summary>The next time this person is called about an alert; fails the test if none comes within the timeout.</summary>
    public async Task<ReceivedCall> NextCallAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _calls.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next pushed alert change; fails the test if none comes within the timeout.</summary>
    public async Task<ReceivedAlert> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(cts.Token);
    }

    /// <summary>
    /// Pushes until one matches: a push carries the alert as it is when the outbox delivers it, so quick changes
    /// (checking, then open a moment later) may arrive as one push of the latest state.
    /// </summary>
    public async Task<ReceivedAlert> NextMatchingAsync(Func<ReceivedAlert, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var alert = await _received.Reader.ReadAsync(cts.Token);
            if (match(alert)) return alert;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
