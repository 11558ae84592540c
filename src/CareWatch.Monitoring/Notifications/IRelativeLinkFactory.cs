namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// Makes the signed link with which a relative answers "I'm checking on her" from an e-mail or webhook message.
/// A port: the server knows its public address and signs with its Data Protection keys.
/// </summary>
public interface IRelativeLinkFactory
{
    /// <summary>An absolute link for this contact and alert, or null when links cannot be made (no public address).</summary>
    Uri? Create(long alertId, Guid contactId);
}
