using CareWatch.Storage;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The demo's escalation, so that <c>ops/demo.sh</c> shows the whole loop within minutes: the collapsed senior (Chen
/// Yuying, the simulator's first watch) has a daughter who reads Chinese and is told by e-mail (her address is a
/// made-up one; the demo's SMTP sink accepts any); the bureau's chain calls the staff on duty at once, again after
/// 60 s, and the daughter at 90 s (then the bureau's reminders); demo-staff is on duty now. Everything is added only
/// where missing, so a rerun, or a supervisor's own chain or contacts, is left as it is.
/// </summary>
public sealed class DemoEscalation(ContactStore contacts, RelativeContacts relatives, EscalationChainStore chains,
    ShiftStore shifts, TimeProvider time, ILogger<DemoEscalation> logger)
{
    /// <summary>The senior who collapses in the demo (the simulator's <c>--still-watches 1</c>: first by name).</summary>
    public const string CollapsedSenior = "Chen Yuying";

    /// <summary>Her daughter, the relative whose e-mail the demo's SMTP server receives.</summary>
    public static readonly ContactInput Daughter = new("Chen Hua", "daughter", "zh", "chen.hua@family.carewatch-demo.test",
        null, 1, ["email"], null, null);

    /// <summary>Wang Shufen's son: the demo-relative account's own contact row (his page shows and changes it).</summary>
    public static readonly ContactInput Son = new("Wang Jun", "son", "zh", "wang.jun@family.carewatch-demo.test",
        null, 1, ["email"], null, null);

    /// <summary>
    /// The demo chain: short, so a viewer sees it run. Reminders after the last step come at the bureau's interval
    /// (bureaus.reminder_every_seconds, default 300 s; no store sets it yet), so the 60 s reminder is a step of its own.
    /// </summary>
    public static readonly IReadOnlyList<EscalationStep> Chain =
    [
        new(1, 0, ChainRecipients.OnDutyStaff),
        new(2, 60, ChainRecipients.OnDutyStaff),
        new(3, 90, ChainRecipients.Relative, RelativeOrder: 1),
    ];

    /// <summary>How long the demo shift that starts now lasts (a rerun after it ended adds the next one).</summary>
    public static readonly TimeSpan Shift = TimeSpan.FromHours(12);

    /// <summary>Gives the demo relative his contact row for <paramref name="senior"/>, when the senior has no contact yet.</summary>
    public async Task EnsureRelativeContactAsync(BureauRecord bureau, SeniorRecord senior, Guid relativeId, CancellationToken ct)
    {
        var scope = TenantScope.Bureau(bureau.Id);
        if (await contacts.ListAsync(scope, senior.Id, ct) is not { Count: 0 }) return;
        var (status, contact) = await contacts.CreateAsync(scope, senior.Id, Son, ct);
        var linked = contact is not null && await relatives.LinkForSystemAsync(contact.Id, relativeId, ct);
        logger.LogInformation("Demo relative's contact: {Status}, linked {Linked}", status, linked);
    }

    /// <summary>Adds what is missing: the daughter, the chain, a shift of <paramref name="staffId"/> covering now.</summary>
    public async Task EnsureAsync(BureauRecord bureau, IReadOnlyList<SeniorRecord> seniors, Guid? staffId, CancellationToken ct)
    {
        var scope = TenantScope.Bureau(bureau.Id);
        if (seniors.FirstOrDefault(s => s.DisplayName == CollapsedSenior) is { } senior
            && await contacts.ListAsync(scope, senior.Id, ct) is { Count: 0 })
        {
            var (status, _) = await contacts.CreateAsync(scope, senior.Id, Daughter, ct);
            logger.LogInformation("Demo contact for the collapsed senior: {Status}", status); // no names in logs
        }
        if ((await chains.ListAsync(scope, ct)).Count == 0)
        {
            var unknown = await chains.ReplaceAsync(scope, Chain, ct);
            logger.LogInformation("Demo escalation chain: {Result}", unknown.Count == 0 ? "stored" : "refused");
        }
        if (staffId is { } staff)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var current = await shifts.ListAsync(scope, now, ct);
            if (!current.Any(s => s.UserId == staff && s.StartsAt <= now))
            {
                var (status, _) = await shifts.AddAsync(scope, staff, now, now + Shift, ct);
                logger.LogInformation("Demo shift for demo-staff until {Ends:u}: {Status}", now + Shift, status);
            }
        }
    }
}
