using System.Security.Claims;
using System.Security.Cryptography;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Administration;

/// <summary>A staff account to create; no password: one is generated and shown once.</summary>
public sealed record NewStaffMember(string? UserName, string? DisplayName, string? Role, string? Password);

/// <summary>A created account, with the password that was generated for it (null when the supervisor set one).</summary>
public sealed record CreatedStaffMember(UserAccount Account, string? GeneratedPassword);

/// <summary>
/// A supervisor's changes to the bureau's accounts: create a staff member or supervisor (through Identity's
/// UserManager, which applies the password rules and hashes it), and switch an account off or on. Audited by account
/// id and role, never by name.
/// </summary>
public sealed class StaffCommands(UserManager<UserAccount> users, StaffDirectory directory, IAuditTrail audit,
    TimeProvider time)
{
    /// <summary>The roles a supervisor may give: the bureau's own people (relatives are invited per senior).</summary>
    public static readonly IReadOnlyList<string> Roles = [CareWatchRoles.Staff, CareWatchRoles.Supervisor];

    /// <summary>Creates an account in the caller's bureau.</summary>
    public async Task<AdminResult<CreatedStaffMember>> CreateAsync(ClaimsPrincipal user, NewStaffMember input,
        CancellationToken ct = default)
    {
        var (userName, displayName, errors) = CheckNames(input.UserName, input.DisplayName);
        if (input.Role is null || !Roles.Contains(input.Role)) errors["role"] = ["Staff or supervisor."];
        if (errors.Count > 0) return AdminResult<CreatedStaffMember>.Invalid(errors);

        var generated = string.IsNullOrEmpty(input.Password) ? GeneratePassword() : null;
        var now = time.GetUtcNow();
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(now), UserName = userName, DisplayName = displayName, Role = input.Role!,
            BureauId = user.RequiredBureau(), CreatedAt = now.UtcDateTime,
        };
        var result = await users.CreateAsync(account, generated ?? input.Password!);
        if (!result.Succeeded) return AdminResult<CreatedStaffMember>.Invalid(FieldsOf(result));
        await audit.RecordAsync(user, AuditActions.AccountCreated, account.Id.ToString(), new { role = account.Role }, ct: ct);
        return AdminResult<CreatedStaffMember>.Done(new CreatedStaffMember(account, generated));
    }

    /// <summary>
    /// Switches an account of the caller's bureau off or on. A supervisor cannot switch off their own account (the
    /// bureau would be left without anyone who can switch it on again).
    /// </summary>
    public async Task<AdminResult<string>> SetDisabledAsync(ClaimsPrincipal user, Guid accountId, bool disabled,
        CancellationToken ct = default)
    {
        if (disabled && user.AccountId() == accountId)
            return AdminResult<string>.Invalid("accountId", "You cannot switch off your own account.");
        if (!await directory.SetDisabledAsync(user.RequiredScope(), accountId, disabled, time.GetUtcNow().UtcDateTime, ct))
            return AdminResult<string>.Missing();
        await audit.RecordAsync(user, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled,
            accountId.ToString(), ct: ct);
        return AdminResult<string>.Done(accountId.ToString());
    }

    /// <summary>The trimmed user and display names, and what is wrong with them (the rules of every account form).</summary>
    internal static (string UserName, string DisplayName, Dictionary<string, string[]> Errors) CheckNames(string? userName,
        string? displayName)
    {
        var errors = new Dictionary<string, string[]>();
        var user = userName?.Trim() ?? "";
        var display = displayName?.Trim() ?? "";
        if (user.Length is < 3 or > 64) errors["userName"] = ["3 to 64 characters."];
        if (display.Length is 0 or > 100) errors["displayName"] = ["1 to 100 characters."];
        return (user, display, errors);
    }

    // Identity's error codes say which field broke which rule; the usual ones get fixed messages the pages translate
    // (Identity's own descriptions embed the typed name).
    internal static Dictionary<string, string[]> FieldsOf(IdentityResult result) => result.Errors
        .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
        .ToDictionary(g => g.Key, g => g.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => "At least 12 characters.",
            nameof(IdentityErrorDescriber.DuplicateUserName) => "This user name is taken.",
            nameof(IdentityErrorDescriber.InvalidUserName) => "Letters, digits and - . _ @ + only.",
            _ => e.Description,
        }).Distinct().ToArray());

    // 20 characters from 31 without look-alikes (0/O, 1/l/I): about 99 bits, and easy to read out over the phone.
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }
}
