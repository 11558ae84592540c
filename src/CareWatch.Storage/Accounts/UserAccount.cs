namespace CareWatch.Storage.Accounts;

/// <summary>
/// A person's account, as ASP.NET Core Identity works on it: Identity's managers set properties on this object and
/// then ask the store to save it, so it is a mutable class rather than a record.
/// </summary>
public sealed class UserAccount
{
    /// <summary>The account id.</summary>
    public Guid Id { get; set; }

    /// <summary>The sign-in name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Identity's normalised (upper-case) sign-in name, unique.</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>The name colleagues see (never logged).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>E-mail address, optional.</summary>
    public string? Email { get; set; }

    /// <summary>Identity's normalised e-mail address.</summary>
    public string? NormalizedEmail { get; set; }

    /// <summary>One of admin, supervisor, staff, relative.</summary>
    public string Role { get; set; } = "";

    /// <summary>The bureau of a staff member or supervisor.</summary>
    public Guid? BureauId { get; set; }

    /// <summary>The senior a relative's account is for.</summary>
    public Guid? SeniorId { get; set; }

    /// <summary>Identity's password hash.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials or the role change; older cookies are then refused.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Optimistic concurrency: an update only applies to the version it was read as.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether repeated failures lock the account.</summary>
    public bool LockoutEnabled { get; set; } = true;

    /// <summary>Locked until then (UTC).</summary>
    public DateTimeOffset? LockoutEnd { get; set; }

    /// <summary>Failed sign-ins since the last success.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>The user's language (a culture name such as zh-CN, de-DE, en-GB), remembered.</summary>
    public string? Culture { get; set; }

    /// <summary>The user's IANA time zone, remembered.</summary>
    public string? TimeZone { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
