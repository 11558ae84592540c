namespace CareWatch.Storage.Notifications;

/// <summary>A notification claimed for delivery (a row of notification_outbox leased to this node).</summary>
/// <param name="Id">The row.</param>
/// <param name="AlertId">The alert it is about, if any.</param>
/// <param name="SeniorId">Its senior, if any.</param>
/// <param name="BureauId">The bureau it belongs to (dead letters are listed per bureau).</param>
/// <param name="Channel">signalr, email or webhook (Storage/Alerts/OutboxChannels).</param>
/// <param name="Recipient"><c>board</c>, <c>user:&lt;id&gt;</c>, <c>contact:&lt;id&gt;</c> or <c>webhook:&lt;id&gt;</c>.</param>
/// <param name="Kind">What it says (Storage/Alerts/NotificationKinds).</param>
/// <param name="Urgent">Urgent notifications ignore quiet hours.</param>
/// <param name="PayloadJson">Structured facts (NotificationPayload), rendered per recipient by the channel.</param>
/// <param name="IdempotencyKey">Unique per notification: the e-mail's Message-ID, the webhook's Idempotency-Key.</param>
/// <param name="Attempts">Attempts so far, this one included (a claim counts: a node may die mid-send).</param>
/// <param name="Trace">The trace its alert was raised in (the correlation id), which the delivery continues; or null.</param>
public sealed record OutboxItem(
    long Id, long? AlertId, Guid? SeniorId, Guid BureauId, string Channel, string Recipient, string Kind, bool Urgent,
    string PayloadJson, string IdempotencyKey, int Attempts, StoredTrace? Trace = null)
{
    /// <summary>The recipient's kind (<c>board</c>, <c>user</c>, <c>contact</c>, <c>webhook</c>).</summary>
    public string RecipientKind => Recipient.Split(':', 2)[0];

    /// <summary>The recipient's id (after the colon), or null when it has none or it is not a GUID.</summary>
    public Guid? RecipientId =>
        Recipient.Split(':', 2) is [_, var id] && Guid.TryParse(id, out var g) ? g : null;
}
