using System.Security.Claims;
using CareWatch.Gateway.Mqtt;
using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// A senior's privacy requests: GET …/export (everything held about them, streamed JSON) and erasure
/// (DELETE /api/seniors/{id} or POST …/erase). Both audited; 404 for a senior outside the caller's bureau.
/// </summary>
public static class PrivacyApi
{
    /// <summary>Maps export and erasure; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapPrivacyApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors/{seniorId:guid}").WithTags("Privacy").ProducesProblem(404);
        group.MapGet("/export", Export).WithName("ExportSenior")
            .WithSummary("Everything held about the senior as one JSON document (streamed), audited.");
        group.MapPost("/erase", EraseAsync).WithName("EraseSenior")
            .WithSummary("Erases all the senior's personal data; the audit log keeps a pseudonym. Watches are unassigned and disabled.");
        group.MapDelete("", EraseAsync).WithName("DeleteSenior").WithSummary("As POST …/erase.");
        return group;
    }

    private static ExportResult Export(Guid seniorId, ClaimsPrincipal user, SeniorExport export, IAuditTrail audit) =>
        new(export, user.RequiredScope(), seniorId, audit.ActorOf(user));

    private static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> EraseAsync(Guid seniorId, ClaimsPrincipal user,
        SeniorErasure erasure, IAuditTrail audit, IDeviceConnections connections, IGrainFactory grains,
        ILogger<SeniorErasure> logger, CancellationToken ct)
    {
        var result = await erasure.EraseAsync(user.RequiredScope(), seniorId, audit.ActorOf(user), ct);
        if (result is null) return NotFound(seniorId);
        // After the commit, so nothing below can undo it: close the watches' connections (a session remembers the
        // senior it connected for), make the monitor forget, then remove anything a message already in the
        // pipeline stored under her id meanwhile.
        foreach (var device in result.Devices) await connections.DisconnectAsync(device);
        await grains.GetGrain<ISeniorMonitorGrain>(seniorId).ForgetAsync();
        var late = await erasure.SweepLateTelemetryAsync(seniorId, CancellationToken.None);
        logger.LogInformation("Senior erased as {Pseudonym}: {Devices} watches unassigned, {Late} late rows swept",
            result.Pseudonym, result.Devices.Count, late);
        return TypedResults.Ok(new ErasureView(result.Pseudonym, result.Devices, result.Rows));
    }

    internal static ProblemHttpResult NotFound(Guid seniorId) =>
        TypedResults.Problem(statusCode: 404, title: "Senior not found", detail: $"No senior with id '{seniorId}' in your bureau.");

    /// <summary>Streams the export; answers 404 (problem+json) when the senior is not in the caller's scope.</summary>
    private sealed class ExportResult(SeniorExport export, Storage.TenantScope scope, Guid seniorId, Storage.Audit.AuditActor actor)
        : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var found = await export.WriteAsync(scope, seniorId, actor, () =>
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"senior-{seniorId}.json\"";
                http.Response.Headers.CacheControl = "no-store";
                return http.Response.Body;
            }, http.RequestAborted);
            if (!found) await NotFound(seniorId).ExecuteAsync(http);
        }
    }
}
