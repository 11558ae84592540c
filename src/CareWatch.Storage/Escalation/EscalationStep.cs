namespace CareWatch.Storage.Escalation;

/// <summary>One step of a bureau's escalation chain (a row of escalation_steps).</summary>
/// <param name="Position">1-based place in the chain; steps run in this order.</param>
/// <param name="AfterSeconds">When the step runs, in seconds after the alert opened to staff (0..86,400).</param>
/// <param name="Recipient">Whom it calls (<see cref="ChainRecipients"/>).</param>
/// <param name="RelativeOrder">For <see cref="ChainRecipients.Relative"/>: the contact's chain_order.</param>
/// <param name="WebhookId">For <see cref="ChainRecipients.Webhook"/>: the bureau's webhook.</param>
public sealed record EscalationStep(int Position, int AfterSeconds, string Recipient, int? RelativeOrder = null,
    Guid? WebhookId = null);
