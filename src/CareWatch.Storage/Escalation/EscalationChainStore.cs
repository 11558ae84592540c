using Npgsql;

namespace CareWatch.Storage.Escalation;

/// <summary>A bureau's chain as the sweep needs it: its own steps (empty: use the default chain) and settings.</summary>
/// <param name="Steps">The bureau's steps in order; empty when it has none of its own.</param>
/// <param name="ReminderEverySeconds">After the last step, remind this often until someone acknowledges.</param>
/// <param name="TimeZone">The bureau's IANA time zone (quiet hours of its staff).</param>
public sealed record BureauChain(IReadOnlyList<EscalationStep> Steps, int ReminderEverySeconds, string TimeZone);

/// <summary>Escalation chains per bureau (escalation_steps).</summary>
public sealed class EscalationChainStore(NpgsqlDataSource dataSource)
{
    private const string SelectSteps = """
        SELECT position, after_seconds, recipient, relative_order, webhook_id FROM escalation_steps
        WHERE bureau_id = @bureau ORDER BY position
        """;

    /// <summary>The bureau's own steps, in order; empty when it uses the default chain.</summary>
    public async Task<IReadOnlyList<EscalationStep>> ListAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(SelectSteps);
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        return await ReadStepsAsync(cmd, ct);
    }

    /// <summary>
    /// Replaces the bureau's chain with <paramref name="steps"/> (validated by <see cref="ChainValidation"/>; empty:
    /// back to the default chain) in one transaction. Returns the webhook ids that are not the bureau's (nothing
    /// changed then), or an empty list when the chain was stored. <paramref name="reminderEverySeconds"/>, when
    /// given, sets the reminder interval after the last step in the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ReplaceAsync(TenantScope scope, IReadOnlyList<EscalationStep> steps,
        CancellationToken ct = default, int? reminderEverySeconds = null)
    {
        var bureau = BureauOf(scope);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Serialises two supervisors saving at once (the later one's chain wins whole, never a mix of both) and a
        // webhook's deletion, so a step can never be stored naming a webhook deleted meanwhile.
        await LockBureauAsync(tx, bureau, ct);
        var webhooks = steps.Where(s => s.WebhookId is not null).Select(s => s.WebhookId!.Value).Distinct().ToArray();
        await using (var check = new NpgsqlCommand("""
            SELECT w FROM unnest(@ids) AS w WHERE NOT EXISTS (SELECT 1 FROM webhooks h WHERE h.id = w AND h.bureau_id = @bureau)
            """, connection, tx))
        {
            check.Parameters.AddWithValue("ids", webhooks);
            check.Parameters.AddWithValue("bureau", bureau);
            var unknown = new List<Guid>();
            await using (var r = await check.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) unknown.Add(r.GetGuid(0));
            if (unknown.Count > 0) return unknown;
        }
        await WriteAsync(tx, bureau, steps, ct);
        if (reminderEverySeconds is { } every)
        {
            await using var reminder = new NpgsqlCommand(
                "UPDATE bureaus SET reminder_every_seconds = @every WHERE id = @bureau", connection, tx);
            reminder.Parameters.AddWithValue("every", every);
            reminder.Parameters.AddWithValue("bureau", bureau);
            await reminder.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>How often reminders repeat after the chain's last step until someone acknowledges, in seconds.</summary>
    public async Task<int> ReminderEveryAsync(TenantScope scope, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT reminder_every_seconds FROM bureaus WHERE id = @bureau");
        cmd.Parameters.AddWithValue("bureau", BureauOf(scope));
        return await cmd.ExecuteScalarAsync(ct) is int every ? every : 300;
    }

    /// <summary>
    /// The chain without the steps that call <paramref name="webhookId"/>, still valid: positions renumbered 1..n and
    /// the first step at 0 s (when the webhook's step was the first, the next one moves up to the opening, because an
    /// open alarm must call someone at once; see <see cref="ChainValidation"/>).
    /// </summary>
    public static IReadOnlyList<EscalationStep> Without(IReadOnlyList<EscalationStep> steps, Guid webhookId) =>
        steps.Where(s => s.WebhookId != webhookId)
            .Select((s, i) => s with { Position = i + 1, AfterSeconds = i == 0 ? 0 : s.AfterSeconds }).ToList();

    /// <summary>Locks the bureau's row: chain writes and webhook deletions of one bureau run one at a time.</summary>
    internal static async Task LockBureauAsync(NpgsqlTransaction tx, Guid bureau, CancellationToken ct)
    {
        await using var lockBureau = new NpgsqlCommand("SELECT 1 FROM bureaus WHERE id = @bureau FOR UPDATE", tx.Connection, tx);
        lockBureau.Parameters.AddWithValue("bureau", bureau);
        await lockBureau.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The bureau's steps, read in the caller's transaction.</summary>
    internal static async Task<IReadOnlyList<EscalationStep>> ReadAsync(NpgsqlTransaction tx, Guid bureau, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(SelectSteps, tx.Connection, tx);
        cmd.Parameters.AddWithValue("bureau", bureau);
        return await ReadStepsAsync(cmd, ct);
    }

    /// <summary>Replaces the bureau's steps in the caller's transaction (which holds <see cref="LockBureauAsync"/>).</summary>
    internal static async Task WriteAsync(NpgsqlTransaction tx, Guid bureau, IReadOnlyList<EscalationStep> steps,
        CancellationToken ct)
    {
        // Two statements, not a DELETE in a CTE: the sub-statements of one query share a snapshot, so the INSERT
        // would still collide with the (bureau, position) keys the DELETE removes.
        await using (var clear = new NpgsqlCommand("DELETE FROM escalation_steps WHERE bureau_id = @bureau", tx.Connection, tx))
        {
            clear.Parameters.AddWithValue("bureau", bureau);
            await clear.ExecuteNonQueryAsync(ct);
        }
        await using var replace = new NpgsqlCommand("""
            INSERT INTO escalation_steps (bureau_id, position, after_seconds, recipient, relative_order, webhook_id)
            SELECT @bureau, p, a, r, o, w FROM unnest(@p, @a, @r, @o, @w) AS s(p, a, r, o, w)
            """, tx.Connection, tx);
        replace.Parameters.AddWithValue("bureau", bureau);
        replace.Parameters.AddWithValue("p", steps.Select(s => (short)s.Position).ToArray());
        replace.Parameters.AddWithValue("a", steps.Select(s => s.AfterSeconds).ToArray());
        replace.Parameters.AddWithValue("r", steps.Select(s => s.Recipient).ToArray());
        replace.Parameters.AddWithValue("o", steps.Select(s => (short?)s.RelativeOrder).ToArray());
        replace.Parameters.AddWithValue("w", steps.Select(s => s.WebhookId).ToArray());
        await replace.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The bureau's chain and settings for the escalation sweep (system use), in its transaction.</summary>
    public async Task<BureauChain> FindForSystemAsync(Guid bureauId, NpgsqlTransaction transaction, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(SelectSteps, transaction.Connection, transaction);
        cmd.Parameters.AddWithValue("bureau", bureauId);
        var steps = await ReadStepsAsync(cmd, ct);
        await using var settings = new NpgsqlCommand(
            "SELECT reminder_every_seconds, time_zone FROM bureaus WHERE id = @bureau", transaction.Connection, transaction);
        settings.Parameters.AddWithValue("bureau", bureauId);
        await using var r = await settings.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("The alert's bureau is gone.");
        return new BureauChain(steps, r.GetInt32(0), r.GetString(1));
    }

    private static async Task<IReadOnlyList<EscalationStep>> ReadStepsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var steps = new List<EscalationStep>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            steps.Add(new EscalationStep(r.GetInt16(0), r.GetInt32(1), r.GetString(2),
                r.IsDBNull(3) ? null : r.GetInt16(3), r.IsDBNull(4) ? null : r.GetGuid(4)));
        return steps;
    }

    private static Guid BureauOf(TenantScope scope) =>
        scope.BureauId ?? throw new ArgumentException("An escalation chain belongs to a bureau scope.", nameof(scope));
}
