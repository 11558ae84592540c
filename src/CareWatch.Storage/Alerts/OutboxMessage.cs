namespace CareWatch.Storage.Alerts;

/// <summary>
/// A notification to queue in the notification_outbox, in the same statement as the alert change that causes it.
/// </summary>
/// <param name="Channel">signalr, email or webhook (<see cref="OutboxChannels"/>).</param>
/// <param name="Recipient">To whom, as <c>kind:id</c>: <c>board:&lt;bureau&gt;</c>, <c>user:&lt;id&gt;</c>,
/// <c>contact:&lt;id&gt;</c>, <c>webhook:&lt;id&gt;</c>.</param>
/// <param name="Kind">What it says (lower-case words and dashes): alert-changed, alert-open, reminder, …</param>
/// <param name="Urgent">Urgent notifications ignore quiet hours and channel preferences.</param>
/// <param name="IdempotencyKey">
/// Unique per notification; <c>{alert}</c> and <c>{version}</c> in it are replaced by the alert's id and its version
/// after the change, so a key can name the change it belongs to before the statement runs. A key already queued is
/// skipped.
/// </param>
/// <param name="PayloadJson">Structured facts (JSON object), no rendered text: rendered per recipient at delivery.</param>
/// <param name="NotBefore">Not to be sent before (quiet hours); null: at once.</param>
public sealed record OutboxMessage(
    string Channel, string Recipient, string Kind, bool Urgent, string IdempotencyKey, string PayloadJson = "{}",
    DateTime? NotBefore = null);

/// <summary>The channels of the outbox (notification_outbox.channel).</summary>
public static class OutboxChannels
{
    /// <summary>Live push to boards (bureau group) and relatives' pages (senior group).</summary>
    public const string SignalR = "signalr";
    /// <summary>E-mail over SMTP.</summary>
    public const string Email = "email";
    /// <summary>A signed HTTP POST to a bureau's webhook (SMS/WeChat gateways).</summary>
    public const string Webhook = "webhook";
}
