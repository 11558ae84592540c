using System.Text.Json;
using Npgsql;

namespace CareWatch.Storage.Alerts;

/// <summary>An escalation step carried out: when, which, and the names of whom it notified.</summary>
/// <param name="Step">The chain position (1-based).</param>
/// <param name="Recipient">Whom the step calls (Escalation/ChainRecipients).</param>
/// <param name="Notified">
/// Display names of the people, contacts ("Chen Lei (son)") or webhooks it queued messages for.
/// </param>
public sealed record AlertStepDone(DateTime At, int Step, string Recipient, IReadOnlyList<string> Notified);

/// <summary>A comment on an alert, as colleagues read it on its card.</summary>
/// <param name="Author">The writer's display name (null when the account is gone).</param>
public sealed record CardComment(long Id, DateTime At, string? Author, string Text);

/// <summary>What has been done about an alert so far, for the staff's card.</summary>
/// <param name="Steps">Every escalation step carried out, oldest first.</param>
/// <param name="LatestComments">The most recent comments, oldest first.</param>
/// <param name="CommentCount">All comments, including those not in <paramref name="LatestComments"/>.</param>
public sealed record AlertActivity(IReadOnlyList<AlertStepDone> Steps, IReadOnlyList<CardComment> LatestComments,
    int CommentCount)
{
    /// <summary>Nothing done yet.</summary>
    public static AlertActivity None { get; } = new([], [], 0);
}

/// <summary>
/// The escalation steps and latest comments of many alerts at once (one query for a whole board, not one per card).
/// Staff data: comments' text and whom a step notified are never read for a relative's scope.
/// </summary>
public sealed class AlertActivityQueries(NpgsqlDataSource dataSource)
{
    /// <summary>How many comments a card shows; the rest are in the alert's history.</summary>
    public const int LatestCommentCount = 3;

    // A notified address is "user:<id>", "contact:<id>" or "webhook:<id>" (Escalation/ChainRecipient.Address).
    private const string NotifiedNames = """
        ARRAY(SELECT n FROM (
                SELECT CASE split_part(r, ':', 1)
                           WHEN 'user' THEN (SELECT u.display_name FROM users u
                                             WHERE u.id::text = split_part(r, ':', 2))
                           WHEN 'contact' THEN (SELECT c.name || ' (' || c.relation || ')' FROM senior_contacts c
                                                WHERE c.id::text = split_part(r, ':', 2))
                           WHEN 'webhook' THEN (SELECT w.name FROM webhooks w WHERE w.id::text = split_part(r, ':', 2))
                       END AS n, ord
                FROM jsonb_array_elements_text(coalesce(e.detail -> 'notified', '[]'::jsonb)) WITH ORDINALITY t(r, ord)
              ) named WHERE n IS NOT NULL ORDER BY ord)
        """;

    /// <summary>
    /// The activity of each of <paramref name="alertIds"/> inside the bureau scope; alerts with none are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, AlertActivity>> ListAsync(TenantScope scope,
        IReadOnlyCollection<long> alertIds, CancellationToken ct = default)
    {
        if (scope.BureauId is null)
            throw new ArgumentException("Comments and notified people are for a bureau's staff.", nameof(scope));
        if (alertIds.Count == 0) return new Dictionary<long, AlertActivity>();
        await using var cmd = dataSource.CreateCommand($"""
            SELECT alert_id, id, at, event, actor_name, detail::text, notified, total FROM (
                SELECT e.alert_id, e.id, e.at, e.event, {ActorNames.Sql("e.actor_kind", "e.actor_id")} AS actor_name,
                       e.detail, count(*) OVER w AS total,
                       row_number() OVER (PARTITION BY e.alert_id, e.event ORDER BY e.id DESC) AS recent,
                       CASE WHEN e.event = '{AlertEvents.Escalated}' THEN {NotifiedNames} END AS notified
                FROM alert_events e JOIN seniors s ON s.id = e.senior_id
                WHERE e.alert_id = ANY(@ids) AND e.event = ANY(@events) AND {TenantScope.SeniorCondition("s")}
                WINDOW w AS (PARTITION BY e.alert_id, e.event)
            ) x
            WHERE event <> '{AlertEvents.Commented}' OR recent <= @latest
            ORDER BY alert_id, id
            """);
        cmd.Parameters.AddWithValue("ids", alertIds.ToArray());
        cmd.Parameters.AddWithValue("events", new[] { AlertEvents.Escalated, AlertEvents.Commented });
        cmd.Parameters.AddWithValue("latest", (long)LatestCommentCount);
        scope.AddParameters(cmd);
        var found = new Dictionary<long, (List<AlertStepDone> Steps, List<CardComment> Comments, int Count)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var alertId = r.GetInt64(0);
                if (!found.TryGetValue(alertId, out var entry)) found[alertId] = entry = ([], [], 0);
                var at = DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Utc);
                using var detail = JsonDocument.Parse(r.GetString(5));
                if (r.GetString(3) == AlertEvents.Commented)
                {
                    entry.Comments.Add(new CardComment(r.GetInt64(1), at, r.IsDBNull(4) ? null : r.GetString(4),
                        detail.RootElement.TryGetProperty("text", out var text) ? text.GetString() ?? "" : ""));
                    found[alertId] = entry with { Count = (int)r.GetInt64(7) };
                }
                else
                {
                    entry.Steps.Add(new AlertStepDone(at, Int(detail.RootElement, "step"),
                        detail.RootElement.TryGetProperty("recipient", out var to) ? to.GetString() ?? "" : "",
                        r.GetFieldValue<string[]>(6)));
                }
            }
        }
        return found.ToDictionary(f => f.Key, f => new AlertActivity(f.Value.Steps, f.Value.Comments, f.Value.Count));
    }

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
}
