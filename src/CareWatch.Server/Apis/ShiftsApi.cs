using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Escalation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A shift as the API shows it (times UTC).</summary>
public sealed record ShiftView(long Id, Guid UserId, string UserName, DateTime StartsAt, DateTime EndsAt)
{
    /// <summary>Maps a stored shift.</summary>
    public static ShiftView From(StaffShift s) => new(s.Id, s.UserId, s.UserName, s.StartsAt, s.EndsAt);
}

/// <summary>A shift to add: a staff member or supervisor of the bureau on duty from start to end.</summary>
public sealed record ShiftRequest(Guid UserId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary>/api/bureau/shifts: the rota, i.e. who the chain's "staff on duty" are (set by supervisors).</summary>
public static class ShiftsApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapShiftsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/bureau/shifts").WithTags("Escalation").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListShifts")
            .WithSummary("The bureau's shifts that end after 'from' (default now), by start.");
        group.MapPost("/", AddAsync).WithName("AddShift").WithSummary("Adds a shift to the rota (audited).");
        group.MapDelete("/{shiftId:long}", DeleteAsync).WithName("DeleteShift").ProducesProblem(404)
            .WithSummary("Removes a shift from the rota (audited).");
        return group;
    }

    private static async Task<Ok<List<ShiftView>>> ListAsync(DateTimeOffset? from, ClaimsPrincipal user, ShiftStore store,
        TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.RequiredScope(), (from ?? time.GetUtcNow()).UtcDateTime, ct))
            .Select(ShiftView.From).ToList());

    private static async Task<Results<Created<ShiftView>, ValidationProblem>> AddAsync(ShiftRequest request,
        ClaimsPrincipal user, ShiftCommands commands, CancellationToken ct)
    {
        var result = await commands.AddAsync(user, request.UserId, request.StartsAt, request.EndsAt, ct);
        return result.Value is { } shift
            ? TypedResults.Created($"/api/bureau/shifts/{shift.Id}", ShiftView.From(shift))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long shiftId, ClaimsPrincipal user,
        ShiftCommands commands, CancellationToken ct) =>
        await commands.DeleteAsync(user, shiftId, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Shift not found", detail: $"No shift {shiftId} in this bureau.");
}
