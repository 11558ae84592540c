using CareWatch.Gateway.Mqtt;
using CareWatch.Monitoring;
using CareWatch.Monitoring.Escalation;
using CareWatch.Server.Accounts;
using CareWatch.Server.Apis;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;
using CareWatch.Storage.Contacts;
using CareWatch.Storage.Escalation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareWatch.Server.Pages.Seniors;

/// <summary>
/// One senior's page (/Seniors/{id}): movement today and over 14 days (charts drawn by pages/senior.ts from the
/// activity API), the current still period against their normal band, the alert history, the watches, contacts and
/// the bureau's escalation chain, and wellbeing insights. Policy senior-data plus the scope: another bureau's staff
/// and another senior's relative get 404, never the data. A relative sees the senior's movement, watch and alerts;
/// the contacts, the chain and the insights are the bureau's working tools and are left out of their view.
/// </summary>
public sealed class DetailModel(
    SeniorDirectory seniors, DeviceStatusReader devices, IDeviceConnections connections, ContactStore contacts,
    EscalationChainStore chains, InsightStore insights, SeniorAlertHistory history, IGrainFactory grains) : PageModel
{
    /// <summary>Alerts on the first page of the history (the page loads older ones on request).</summary>
    public const int HistoryPageSize = 10;

    /// <summary>The senior (route id).</summary>
    [BindProperty(SupportsGet = true, Name = "id")] public Guid SeniorId { get; set; }

    /// <summary>The history page to show: alerts older than this id (null: the newest).</summary>
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    /// <summary>The senior as found in the reader's scope.</summary>
    public SeniorRecord Senior { get; private set; } = null!;

    /// <summary>Whether the reader is of the senior's bureau (staff, supervisor, integration): no relative.</summary>
    public bool IsBureau { get; private set; }

    /// <summary>The senior's watches with their status.</summary>
    public IReadOnlyList<DeviceView> Watches { get; private set; } = [];

    /// <summary>Contacts in chain order (bureau readers only).</summary>
    public IReadOnlyList<ContactRecord> Contacts { get; private set; } = [];

    /// <summary>The bureau's escalation steps (its own, or the default chain); bureau readers only.</summary>
    public IReadOnlyList<EscalationStep> Chain { get; private set; } = [];

    /// <summary>Whether <see cref="Chain"/> is the default chain (the bureau has none of its own).</summary>
    public bool ChainIsDefault { get; private set; }

    /// <summary>After the chain's last step, reminders repeat this often (seconds).</summary>
    public int ReminderEverySeconds { get; private set; }

    /// <summary>Latest wellbeing insights, newest first (bureau readers only).</summary>
    public IReadOnlyList<InsightRecord> Insights { get; private set; } = [];

    /// <summary>The first page of the alert history.</summary>
    public AlertHistoryPage History { get; private set; } = new([], null);

    /// <summary>The current still period against the senior's normal band.</summary>
    public NormalStillnessView Stillness { get; private set; } = null!;

    /// <summary>The senior's time zone.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Loads the page, or 404 when the senior is not the reader's.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = User.RequiredScope();
        if (await seniors.FindSeniorAsync(scope, SeniorId, ct) is not { } senior) return NotFound();
        Senior = senior;
        Zone = SeniorDays.Zone(senior.TimeZone);
        IsBureau = scope.BureauId is not null;
        Watches = (await devices.ListAsync(scope, SeniorId, ct))
            .Select(d => DeviceView.From(d, connections.IsConnected(d.DeviceId))).ToList();
        // A plain link pages the history (?before=<id>), so it works without script; a bad value shows the newest.
        History = await SeniorAlertHistoryApi.LoadAsync(history, scope, SeniorId, Before is > 0 ? Before : null,
            HistoryPageSize, ct);
        var stillness = await grains.GetGrain<ISeniorMonitorGrain>(SeniorId).GetStillnessAsync();
        Stillness = NormalStillnessView.From(SeniorId, stillness);
        if (!IsBureau) return Page();
        Contacts = await contacts.ListAsync(scope, SeniorId, ct) ?? [];
        var own = await chains.ListAsync(scope, ct);
        (Chain, ChainIsDefault) = (DefaultChain.Or(own), own.Count == 0);
        ReminderEverySeconds = await chains.ReminderEveryAsync(scope, ct);
        Insights = await insights.ListForSeniorAsync(scope, SeniorId, 10, ct);
        return Page();
    }

    /// <summary>A UTC time on the senior's clock.</summary>
    public DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
