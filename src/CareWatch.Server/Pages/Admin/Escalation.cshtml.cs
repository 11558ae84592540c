using CareWatch.Monitoring.Escalation;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
using CareWatch.Storage.Escalation;
using CareWatch.Storage.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Pages.Admin;

/// <summary>One row of the chain's form; a row without a recipient is no step.</summary>
public sealed class StepRow
{
    /// <summary>Seconds after the alert opened.</summary>
    public int? AfterSeconds { get; set; }

    /// <summary>One of <see cref="ChainRecipients.All"/>, or empty.</summary>
    public string? Recipient { get; set; }

    /// <summary>For a relative: their place in the senior's chain.</summary>
    public int? RelativeOrder { get; set; }

    /// <summary>For a webhook: which.</summary>
    public Guid? WebhookId { get; set; }
}

/// <summary>
/// /Admin/Escalation (supervisors): whom an alarm calls and when, and how often reminders repeat after the last step.
/// Saving no steps returns the bureau to the default chain. The same rules and audit as PUT /api/bureau/escalation.
/// </summary>
public sealed class EscalationModel(EscalationChainStore store, EscalationCommands commands, WebhookStore webhooks)
    : AdminPageModel
{
    /// <summary>The rows (the chain's steps and a few empty ones to add more).</summary>
    [BindProperty] public List<StepRow> Steps { get; set; } = [];

    /// <summary>Reminder interval after the last step, in seconds.</summary>
    [BindProperty] public int? ReminderEverySeconds { get; set; }

    /// <summary>The bureau follows the default chain.</summary>
    public bool IsDefault { get; private set; }

    /// <summary>The bureau's webhooks for the webhook steps.</summary>
    public IReadOnlyList<WebhookRecord> Webhooks { get; private set; } = [];

    /// <summary>Shows the chain.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await SuperviseAsync();
        var scope = User.RequiredScope();
        var own = await store.ListAsync(scope, ct);
        IsDefault = own.Count == 0;
        Steps = DefaultChain.Or(own).Select(s => new StepRow
            { AfterSeconds = s.AfterSeconds, Recipient = s.Recipient, RelativeOrder = s.RelativeOrder, WebhookId = s.WebhookId })
            .ToList();
        ReminderEverySeconds = await store.ReminderEveryAsync(scope, ct);
        await LoadAsync(ct);
    }

    /// <summary>Saves the rows that name a recipient, numbered in order.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await SuperviseAsync()) return Forbid();
        var used = Steps.Where(r => !string.IsNullOrEmpty(r.Recipient)).ToList();
        var steps = used.Select((r, i) => new EscalationStep(i + 1, r.AfterSeconds ?? -1, r.Recipient!,
            r.Recipient == ChainRecipients.Relative ? r.RelativeOrder : null,
            r.Recipient == ChainRecipients.Webhook ? r.WebhookId : null)).ToList();
        var result = await commands.ReplaceAsync(User, steps, ReminderEverySeconds, ct);
        if (result.Value is null)
        {
            Steps = used; // the rows' numbers now match the errors' steps[i]
            await LoadAsync(ct);
            return Refused(result.Errors);
        }
        Saved = steps.Count == 0 ? "Saved. The bureau follows the default chain again." : "Saved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Webhooks = await webhooks.ListAsync(User.RequiredScope(), ct);
        while (Steps.Count < Math.Min(ChainValidation.MaxSteps, Steps.Count(r => !string.IsNullOrEmpty(r.Recipient)) + 2))
            Steps.Add(new StepRow());
    }
}
