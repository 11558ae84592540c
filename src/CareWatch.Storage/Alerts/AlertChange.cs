using System.Collections.Frozen;

namespace CareWatch.Storage.Alerts;

/// <summary>
/// One transition of an alert, as <see cref="AlertTransitions.ApplyAsync"/> applies it: the event recorded, who
/// caused it, the states it may start from, the state it leads to, the columns it sets and the notifications it
/// queues. Columns come from a fixed list (no SQL from callers); values are absolute, which the version guard makes
/// safe (the caller read the row it changes).
/// </summary>
public sealed class AlertChange(string @event, AlertActor actor, IReadOnlyList<string> from, string? to = null)
{
    private static readonly FrozenSet<string> Settable = new[]
    {
        "severity", "opened_at", "acknowledged_at", "acknowledged_by", "resolved_by", "outcome", "resolution_note",
        "assigned_to", "prompt_count", "prompt_deadline", "escalation_step", "reminders_sent", "next_step_at",
        "severity_rises_at", "closed_at", "ended_at", "facts", "explanation",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<(string Column, object? Value)> _sets = [];
    private readonly List<OutboxMessage> _outbox = [];

    /// <summary>What happened (<see cref="AlertEvents"/>).</summary>
    public string Event { get; } = @event;

    /// <summary>Who caused it.</summary>
    public AlertActor Actor { get; } = actor;

    /// <summary>The states the alert must be in for the change to apply.</summary>
    public IReadOnlyList<string> From { get; } = from;

    /// <summary>The state after it; null keeps the state (a comment, an escalation step).</summary>
    public string? To { get; } = to;

    /// <summary>Facts about the change for alert_events.detail (JSON object: ids and facts, no personal data).</summary>
    public string? DetailJson { get; init; }

    /// <summary>Whether the boards are told (default): a change staff do not see (a reminder count) may skip it.</summary>
    public bool PushToBoards { get; init; } = true;

    /// <summary>The columns set, in order.</summary>
    public IReadOnlyList<(string Column, object? Value)> Sets => _sets;

    /// <summary>The notifications queued with the change (besides the boards' push).</summary>
    public IReadOnlyList<OutboxMessage> Outbox => _outbox;

    /// <summary>Sets a column (one of a fixed list; <c>facts</c> takes JSON text).</summary>
    public AlertChange Set(string column, object? value)
    {
        if (!Settable.Contains(column)) throw new ArgumentException($"Column {column} is not set by transitions.", nameof(column));
        _sets.Add((column, value));
        return this;
    }

    /// <summary>Queues a notification with the change.</summary>
    public AlertChange Notify(OutboxMessage message)
    {
        _outbox.Add(message);
        return this;
    }

    /// <summary>Queues notifications with the change.</summary>
    public AlertChange Notify(IEnumerable<OutboxMessage> messages)
    {
        _outbox.AddRange(messages);
        return this;
    }
}
