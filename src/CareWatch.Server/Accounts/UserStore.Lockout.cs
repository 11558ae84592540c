using CareWatch.Storage.Accounts;

namespace CareWatch.Server.Accounts;

/// <summary>Identity's lockout counters, kept on the account row.</summary>
public sealed partial class UserStore
{
    /// <inheritdoc />
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);

    /// <inheritdoc />
    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);

    /// <inheritdoc />
    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);

    /// <inheritdoc />
    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);

    /// <inheritdoc />
    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken ct)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }
}
