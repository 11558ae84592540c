namespace CareWatch.Storage.Contacts;

/// <summary>A senior's contact (a relative, a neighbour): a row of senior_contacts.</summary>
/// <param name="ChainOrder">Their place among the senior's contacts (1 first); a chain step can call one by it.</param>
/// <param name="Language">What their messages are written in (<see cref="ContactInput.Languages"/>).</param>
/// <param name="Channels">How they are told (<see cref="ContactInput.AllowedChannels"/>).</param>
/// <param name="QuietFrom">Quiet hours (the senior's local time) hold non-urgent messages back; urgent ones go.</param>
/// <param name="HasSignIn">Whether the contact has their own account (a relative who took up an invitation).</param>
public sealed record ContactRecord(Guid Id, Guid SeniorId, string Name, string Relation, string Language, string? Email,
    string? Phone, int ChainOrder, IReadOnlyList<string> Channels, TimeOnly? QuietFrom, TimeOnly? QuietUntil,
    DateTime CreatedAt, bool HasSignIn = false);

/// <summary>How a write of a contact ended.</summary>
public enum ContactWriteStatus
{
    /// <summary>Stored.</summary>
    Stored,
    /// <summary>No such senior (or contact) in the scope.</summary>
    NotFound,
    /// <summary>Another contact of the senior has that chain order.</summary>
    OrderTaken,
}
