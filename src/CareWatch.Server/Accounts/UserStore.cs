using CareWatch.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over <see cref="AccountStore"/>: Identity does the hashing, lockout and
/// security stamps; this class only reads and writes the row. Roles are a column (one per account), put on the
/// principal by <see cref="AccountClaimsFactory"/>, so no role store is needed.
/// </summary>
public sealed partial class UserStore(AccountStore accounts) :
    IUserPasswordStore<UserAccount>, IUserSecurityStampStore<UserAccount>, IUserLockoutStore<UserAccount>
{
    /// <inheritdoc />
    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken ct) =>
        await accounts.CreateAsync(user, ct)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));

    /// <inheritdoc />
    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken ct) =>
        await accounts.UpdateAsync(user, ct) ? IdentityResult.Success : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());

    /// <inheritdoc />
    public async Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken ct)
    {
        await accounts.DeleteAsync(user.Id, ct);
        return IdentityResult.Success;
    }

    /// <inheritdoc />
    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken ct) =>
        Guid.TryParse(userId, out var id) ? accounts.FindByIdAsync(id, ct) : Task.FromResult<UserAccount?>(null);

    /// <inheritdoc />
    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct) =>
        accounts.FindByNameAsync(normalizedUserName, ct);

    /// <inheritdoc />
    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.Id.ToString());

    /// <inheritdoc />
    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);

    /// <inheritdoc />
    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken ct)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken ct) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    /// <inheritdoc />
    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken ct)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash);

    /// <inheritdoc />
    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    /// <inheritdoc />
    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    /// <inheritdoc />
    public void Dispose() { }
}
