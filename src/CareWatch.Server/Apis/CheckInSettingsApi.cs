using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Bureaus;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>The bureau's check-in settings as the API shows and takes them.</summary>
/// <param name="WindowSeconds">How long "Are you OK?" waits for OK before staff are called, 15–900 s.</param>
/// <param name="SecondPrompt">Ask once more before calling staff.</param>
/// <param name="LowBatteryPercent">A low-battery alert by day below this charge, 1–90 %.</param>
public sealed record CheckInSettingsView(int WindowSeconds, bool SecondPrompt, int LowBatteryPercent)
{
    /// <summary>Maps stored settings.</summary>
    public static CheckInSettingsView From(CheckInSettings s) => new(s.WindowSeconds, s.SecondPrompt, s.LowBatteryPercent);
}

/// <summary>/api/bureau/check-in: the caller's bureau's "Are you OK?" settings (its supervisors read and change them).</summary>
public static class CheckInSettingsApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapCheckInSettingsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/bureau/check-in").WithTags("Check-in").ProducesValidationProblem();
        group.MapGet("/", GetAsync).WithName("GetCheckInSettings").ProducesProblem(404)
            .WithSummary("The bureau's check-in window, second prompt and low-battery level.");
        group.MapPut("/", PutAsync).WithName("PutCheckInSettings").ProducesProblem(404)
            .WithSummary("Replaces the bureau's check-in settings (audited); new alerts use them.");
        return group;
    }

    private static async Task<Results<Ok<CheckInSettingsView>, ProblemHttpResult>> GetAsync(ClaimsPrincipal user,
        CheckInSettingsStore store, CancellationToken ct) =>
        await store.FindAsync(user.RequiredScope(), ct) is { } settings
            ? TypedResults.Ok(CheckInSettingsView.From(settings))
            : NotFound();

    private static async Task<Results<Ok<CheckInSettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        CheckInSettingsView request, ClaimsPrincipal user, CheckInCommands commands, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(user,
            new CheckInSettings(request.WindowSeconds, request.SecondPrompt, request.LowBatteryPercent), ct);
        if (result.NotFound) return NotFound();
        return result.Value is { } settings
            ? TypedResults.Ok(CheckInSettingsView.From(settings))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "No bureau",
        detail: "Check-in settings belong to a bureau; this account has none.");
}
