using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
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
    /// <summary>
    /// The longest shift (7 days). A longer one is almost always a typo in the end date, and it would quietly make one
    /// person the only one called (nobody on duty calls every staff member instead).
    /// </summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

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
        ClaimsPrincipal user, ShiftStore store, IAuditTrail audit, CancellationToken ct)
    {
        if (request.StartsAt is not { } starts) return DeviceProblems.Invalid("startsAt", "Required.");
        if (request.EndsAt is not { } ends) return DeviceProblems.Invalid("endsAt", "Required.");
        if (ends <= starts) return DeviceProblems.Invalid("endsAt", "After the start.");
        if (ends - starts > MaxLength) return DeviceProblems.Invalid("endsAt", $"At most {MaxLength.TotalDays:0} days after the start.");
        var scope = user.RequiredScope();
        var (status, shift) = await store.AddAsync(scope, request.UserId, starts.UtcDateTime, ends.UtcDateTime, ct);
        if (status == ShiftAddStatus.NotBureauStaff)
            return DeviceProblems.Invalid("userId", "Not a staff member or supervisor of this bureau.");
        await audit.RecordAsync(user, AuditActions.ShiftAdded, shift!.Id.ToString(),
            new { userId = shift.UserId, shift.StartsAt, shift.EndsAt }, ct: ct);
        return TypedResults.Created($"/api/bureau/shifts/{shift.Id}", ShiftView.From(shift));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long shiftId, ClaimsPrincipal user,
        ShiftStore store, IAuditTrail audit, CancellationToken ct)
    {
        if (!await store.DeleteAsync(user.RequiredScope(), shiftId, ct))
            return TypedResults.Problem(statusCode: 404, title: "Shift not found", detail: $"No shift {shiftId} in this bureau.");
        await audit.RecordAsync(user, AuditActions.ShiftDeleted, shiftId.ToString(), ct: ct);
        return TypedResults.NoContent();
    }
}
