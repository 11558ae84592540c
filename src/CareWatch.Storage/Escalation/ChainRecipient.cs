namespace CareWatch.Storage.Escalation;

/// <summary>One person or endpoint a step calls, with what is needed to choose channels and times.</summary>
/// <param name="Address">The outbox recipient: <c>user:&lt;id&gt;</c>, <c>contact:&lt;id&gt;</c> or <c>webhook:&lt;id&gt;</c>.</param>
/// <param name="Channels">Every channel that can reach them (an e-mail channel needs an address on file).</param>
/// <param name="Preferred">The channels they chose, among <paramref name="Channels"/> (used for non-urgent ones).</param>
/// <param name="QuietFrom">Start of their quiet hours (local time), or null.</param>
/// <param name="QuietUntil">End of their quiet hours (local time); may be before the start (over midnight).</param>
/// <param name="TimeZone">The IANA zone their quiet hours are in.</param>
public sealed record ChainRecipient(string Address, IReadOnlyList<string> Channels, IReadOnlyList<string> Preferred,
    TimeOnly? QuietFrom = null, TimeOnly? QuietUntil = null, string TimeZone = "UTC");
