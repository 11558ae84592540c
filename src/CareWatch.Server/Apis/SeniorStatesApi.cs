using System.Security.Claims;
using CareWatch.Gateway.Mqtt;
using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Storage.Board;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Apis;

/// <summary>GET /api/seniors/states: the seniors board, a tile per senior of the caller's bureau.</summary>
public static class SeniorStatesApi
{
    /// <summary>Maps the seniors board's read (its live updates are the hub's SeniorStateChanged).</summary>
    public static RouteGroupBuilder MapSeniorStatesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors").WithTags("Seniors");
        group.MapGet("/states", ListAsync).WithName("ListSeniorStates")
            .WithSummary("Every senior of the bureau with her current state (active, still, offline, battery low, …).");
        return group;
    }

    private static async Task<Ok<List<SeniorStateView>>> ListAsync(ClaimsPrincipal user, SeniorStateReader reader,
        IDeviceConnections connections, IOptions<MonitorOptions> options, TimeProvider time, CancellationToken ct)
    {
        var records = await reader.ListAsync(user.RequiredScope(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(records.Select(r => SeniorStates.View(
            r, r.DeviceId is { } d && connections.IsConnected(d), now, options.Value)).ToList());
    }
}
