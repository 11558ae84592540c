using System.Security.Claims;
using CareWatch.Monitoring.Escalation;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Escalation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>One step of a chain as the API shows and takes it (<see cref="EscalationStep"/>).</summary>
/// <param name="Position">1, 2, 3… in order.</param>
/// <param name="AfterSeconds">Seconds after the alert opened to staff; the first step at 0.</param>
/// <param name="Recipient">One of <see cref="ChainRecipients.All"/>.</param>
/// <param name="RelativeOrder">For <c>relative</c>: the contact's place in the senior's chain.</param>
/// <param name="WebhookId">For <c>webhook</c>: one of the bureau's webhooks.</param>
public sealed record EscalationStepView(int Position, int AfterSeconds, string? Recipient, int? RelativeOrder = null,
    Guid? WebhookId = null);

/// <summary>The bureau's escalation chain.</summary>
/// <param name="Steps">The steps in order (the default chain's when <paramref name="IsDefault"/>).</param>
/// <param name="IsDefault">The bureau has no chain of its own; saving an empty list returns to this.</param>
/// <param name="ReminderEverySeconds">After the last step, reminders to the staff on duty repeat this often until
/// someone acknowledges.</param>
public sealed record EscalationChainView(IReadOnlyList<EscalationStepView> Steps, bool IsDefault, int ReminderEverySeconds);

/// <summary>A chain to save: empty steps go back to the default chain; no reminder interval keeps the bureau's.</summary>
public sealed record EscalationChainRequest(IReadOnlyList<EscalationStepView>? Steps, int? ReminderEverySeconds = null);

/// <summary>/api/bureau/escalation: whom an alarm calls, and when (the bureau's supervisors read and change it).</summary>
public static class EscalationApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapEscalationApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/bureau/escalation").WithTags("Escalation").ProducesValidationProblem();
        group.MapGet("/", GetAsync).WithName("GetEscalationChain")
            .WithSummary("The bureau's escalation chain, or the default chain when it has none.");
        group.MapPut("/", PutAsync).WithName("PutEscalationChain")
            .WithSummary("Replaces the bureau's chain (audited); alarms already open follow it from their next step.");
        return group;
    }

    private static async Task<Ok<EscalationChainView>> GetAsync(ClaimsPrincipal user, EscalationChainStore store,
        CancellationToken ct) => TypedResults.Ok(View(await store.ListAsync(user.RequiredScope(), ct),
        await store.ReminderEveryAsync(user.RequiredScope(), ct)));

    private static async Task<Results<Ok<EscalationChainView>, ValidationProblem>> PutAsync(EscalationChainRequest request,
        ClaimsPrincipal user, EscalationChainStore store, EscalationCommands commands, CancellationToken ct)
    {
        var steps = (request.Steps ?? [])
            .Select(s => new EscalationStep(s.Position, s.AfterSeconds, s.Recipient ?? "", s.RelativeOrder, s.WebhookId)).ToList();
        var result = await commands.ReplaceAsync(user, steps, request.ReminderEverySeconds, ct);
        return result.Value is { } saved
            ? TypedResults.Ok(View(saved, await store.ReminderEveryAsync(user.RequiredScope(), ct)))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static EscalationChainView View(IReadOnlyList<EscalationStep> own, int reminderEverySeconds) => new(
        DefaultChain.Or(own).Select(s => new EscalationStepView(s.Position, s.AfterSeconds, s.Recipient, s.RelativeOrder,
            s.WebhookId)).ToList(), own.Count == 0, reminderEverySeconds);
}
