namespace CareWatch.Storage.Notifications;

/// <summary>Whom an e-mail goes to: an address, a name for the greeting and the language to write in.</summary>
/// <param name="Language">en, de or zh (a staff member's culture reduced to its language; en when unknown).</param>
/// <param name="ContactId">Set for a senior's contact: their "I'm checking on her" link is made for it.</param>
public sealed record MailRecipient(string Address, string Name, string Language, Guid? ContactId);
