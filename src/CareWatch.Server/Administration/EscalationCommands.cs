using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Escalation;

namespace CareWatch.Server.Administration;

/// <summary>Replacing the bureau's escalation chain, validated and audited (/api/bureau/escalation and its page).</summary>
public sealed class EscalationCommands(EscalationChainStore store, IAuditTrail audit)
{
    /// <summary>
    /// Replaces the caller's bureau's chain; no steps go back to the default chain, no reminder interval keeps the
    /// bureau's. Errors are by field as the API names them (<c>steps[i].afterSeconds</c>, <c>reminderEverySeconds</c>).
    /// </summary>
    public async Task<AdminResult<IReadOnlyList<EscalationStep>>> ReplaceAsync(ClaimsPrincipal user,
        IReadOnlyList<EscalationStep> steps, int? reminderEverySeconds, CancellationToken ct = default)
    {
        var errors = ChainValidation.Validate(steps);
        if (reminderEverySeconds is < ChainValidation.MinReminderSeconds or > ChainValidation.MaxAfterSeconds)
            errors["reminderEverySeconds"] = [$"{ChainValidation.MinReminderSeconds}–{ChainValidation.MaxAfterSeconds} seconds."];
        if (errors.Count > 0) return AdminResult<IReadOnlyList<EscalationStep>>.Invalid(errors);
        var scope = user.RequiredScope();
        var unknown = await store.ReplaceAsync(scope, steps, ct, reminderEverySeconds);
        if (unknown.Count > 0)
        {
            return AdminResult<IReadOnlyList<EscalationStep>>.Invalid(steps.Select((s, i) => (s, i))
                .Where(x => x.s.WebhookId is { } id && unknown.Contains(id))
                .ToDictionary(x => $"steps[{x.i}].webhookId", _ => new[] { "Not a webhook of this bureau." }));
        }
        await audit.RecordAsync(user, AuditActions.EscalationChanged, scope.BureauId?.ToString(),
            new
            {
                steps = steps.Select(s => new { s.Position, s.AfterSeconds, s.Recipient, s.RelativeOrder, s.WebhookId }),
                reminderEverySeconds,
            },
            ct: ct);
        return AdminResult<IReadOnlyList<EscalationStep>>.Done(steps);
    }
}
