using System.Globalization;
using System.Security.Claims;
using CareWatch.Detection;
using CareWatch.Monitoring;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>
/// A senior's movement for the senior page: one local day's minutes, the last days summed up, and the current still
/// period against what is normal for them now. For anyone whose scope holds the senior (their bureau, or a relative
/// of this senior); everyone else gets 404, the same answer as for a senior that does not exist.
/// </summary>
public static class SeniorActivityApi
{
    /// <summary>The most days one request may summarise (the page asks for 14).</summary>
    public const int MaxDays = 62;

    /// <summary>How far back a day may be asked for (the raw minutes are kept for less: retention).</summary>
    public const int MaxDaysBack = 400;

    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.SeniorData"/>.</summary>
    public static RouteGroupBuilder MapSeniorActivityApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors/{seniorId:guid}").WithTags("Seniors").ProducesProblem(404)
            .ProducesValidationProblem();
        group.MapGet("/activity", DayAsync).WithName("GetSeniorDayActivity")
            .WithSummary("The senior's minutes of one day on their own clock (?date=yyyy-MM-dd, default today).");
        group.MapGet("/activity/days", DaysAsync).WithName("GetSeniorActivityDays")
            .WithSummary("The senior's last days (?days=1–62, default 14): worn and active minutes, longest still.");
        group.MapGet("/normal-stillness", StillnessAsync).WithName("GetSeniorNormalStillness")
            .WithSummary("The current still period against the band the detector considers normal for the senior now.");
        return group;
    }

    private static async Task<Results<Ok<DayMinutesView>, ValidationProblem, ProblemHttpResult>> DayAsync(
        Guid seniorId, string? date, ClaimsPrincipal user, SeniorDirectory seniors, SeniorActivityReader reader,
        IGrainFactory grains, TimeProvider time, CancellationToken ct)
    {
        var scope = user.RequiredScope();
        if (await seniors.FindSeniorAsync(scope, seniorId, ct) is not { } senior) return SeniorNotFound(seniorId);
        var zone = SeniorDays.Zone(senior.TimeZone);
        var today = SeniorDays.Today(zone, time);
        var day = today;
        if (date is not null && !SeniorDays.TryParse(date, out day))
            return DeviceProblems.Invalid("date", "A date as yyyy-MM-dd.");
        if (day > today || day < today.AddDays(-MaxDaysBack))
            return DeviceProblems.Invalid("date", $"A day from {SeniorDays.Format(today.AddDays(-MaxDaysBack))} "
                + $"to today ({SeniorDays.Format(today)}) on the senior's clock.");

        var (from, to) = (SeniorDays.StartUtc(day, zone), SeniorDays.StartUtc(day.AddDays(1), zone));
        var minutes = await reader.MinutesAsync(scope, seniorId, from, to, ct);
        if (minutes is null) return SeniorNotFound(seniorId);
        var stillness = await grains.GetGrain<ISeniorMonitorGrain>(seniorId).GetStillnessAsync();
        return TypedResults.Ok(new DayMinutesView(seniorId, SeniorDays.Format(day), senior.TimeZone, from, to,
            stillness.Norm.StillCeiling, minutes.Select(ActivityMinuteView.From).ToList()));
    }

    private static async Task<Results<Ok<ActivityDaysView>, ValidationProblem, ProblemHttpResult>> DaysAsync(
        Guid seniorId, string? days, ClaimsPrincipal user, SeniorDirectory seniors, SeniorActivityReader reader,
        IGrainFactory grains, TimeProvider time, CancellationToken ct)
    {
        var scope = user.RequiredScope();
        if (await seniors.FindSeniorAsync(scope, seniorId, ct) is not { } senior) return SeniorNotFound(seniorId);
        var count = 14;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count)
                                 || count is < 1 or > MaxDays))
            return DeviceProblems.Invalid("days", $"A whole number of days from 1 to {MaxDays}.");

        var zone = SeniorDays.Zone(senior.TimeZone);
        var first = SeniorDays.Today(zone, time).AddDays(1 - count);
        var minutes = await reader.MinutesAsync(scope, seniorId, SeniorDays.StartUtc(first, zone),
            SeniorDays.StartUtc(first.AddDays(count), zone), ct);
        if (minutes is null) return SeniorNotFound(seniorId);
        var stillness = await grains.GetGrain<ISeniorMonitorGrain>(seniorId).GetStillnessAsync();
        // The monitor's own ceiling, so "still" on the chart is what the detector counts as still.
        var still = new StillDefinition(0, 0, stillness.Norm.StillCeiling);
        var local = minutes.Select(m => SeniorHistories.ToActivity(m, zone));
        var summary = DailyActivity.Summarise(local, still, first, count);
        return TypedResults.Ok(new ActivityDaysView(seniorId, senior.TimeZone, still.Ceiling,
            summary.Select(DayActivityView.From).ToList()));
    }

    private static async Task<Results<Ok<NormalStillnessView>, ProblemHttpResult>> StillnessAsync(Guid seniorId,
        ClaimsPrincipal user, SeniorDirectory seniors, IGrainFactory grains, CancellationToken ct)
    {
        if (await seniors.FindSeniorAsync(user.RequiredScope(), seniorId, ct) is null) return SeniorNotFound(seniorId);
        var stillness = await grains.GetGrain<ISeniorMonitorGrain>(seniorId).GetStillnessAsync();
        return TypedResults.Ok(NormalStillnessView.From(seniorId, stillness));
    }

    /// <summary>The answer for a senior who does not exist or is not the caller's (not told apart).</summary>
    internal static ProblemHttpResult SeniorNotFound(Guid seniorId) =>
        TypedResults.Problem(statusCode: 404, title: "Senior not found", detail: $"No senior {seniorId}.");
}
