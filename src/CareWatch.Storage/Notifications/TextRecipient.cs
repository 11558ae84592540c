namespace CareWatch.Storage.Notifications;

/// <summary>
/// A senior's contact reached by text message through the bureau's SMS/WeChat gateway (a webhook): the gateway
/// writes the message itself, so it gets the number, the name for the greeting and the language.
/// </summary>
/// <param name="Language">en, de or zh.</param>
public sealed record TextRecipient(Guid ContactId, string Name, string Phone, string Language);
