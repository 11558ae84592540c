using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Server.Extensions;
using CareWatch.Storage.Accounts;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Contacts;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Administration;

/// <summary>What an invited relative chooses for their account.</summary>
public sealed record NewRelativeAccount(string? UserName, string? DisplayName, string? Password, string? ConfirmPassword);

/// <summary>
/// A relative's own sign-in: a supervisor invites one of a senior's contacts (a link to hand over, valid a week),
/// and the relative makes their account from it. The account is a relative's of that senior only, in the contact's
/// language, and linked to the contact, so their page shows and changes that contact's preferences.
/// </summary>
public sealed class InvitationCommands(ContactStore contacts, RelativeContacts relatives, InvitationTokens tokens,
    UserManager<UserAccount> users, IAuditTrail audit, TimeProvider time)
{
    /// <summary>An invitation token for a contact of a senior of the caller's bureau who has no sign-in yet.</summary>
    public async Task<AdminResult<string>> InviteAsync(ClaimsPrincipal user, Guid seniorId, Guid contactId,
        CancellationToken ct = default)
    {
        if (await contacts.ListAsync(user.RequiredScope(), seniorId, ct) is not { } list
            || list.FirstOrDefault(c => c.Id == contactId) is not { } contact)
            return AdminResult<string>.Missing();
        if (contact.HasSignIn) return AdminResult<string>.Invalid("contactId", "This contact already has a sign-in.");
        await audit.RecordAsync(user, AuditActions.ContactInvited, contactId.ToString(), seniorId: seniorId, ct: ct);
        return AdminResult<string>.Done(tokens.Create(contactId));
    }

    /// <summary>The contact a token invites, while it can still be taken up; null otherwise.</summary>
    public async Task<InvitedContact?> FindAsync(string? token, CancellationToken ct = default) =>
        tokens.Read(token) is { } contactId && await relatives.FindInvitedForSystemAsync(contactId, ct) is { } invited
            && !invited.Contact.HasSignIn
            ? invited
            : null;

    /// <summary>Makes the relative's account from the invitation; Missing when it is no longer valid.</summary>
    public async Task<AdminResult<UserAccount>> AcceptAsync(string? token, NewRelativeAccount input, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } invited) return AdminResult<UserAccount>.Missing();
        var (userName, displayName, errors) = StaffCommands.CheckNames(input.UserName, input.DisplayName);
        if (string.IsNullOrEmpty(input.Password)) errors["password"] = ["At least 12 characters."];
        else if (input.Password != input.ConfirmPassword) errors["confirmPassword"] = ["The two passwords differ."];
        if (errors.Count > 0) return AdminResult<UserAccount>.Invalid(errors);

        var now = time.GetUtcNow();
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(now), UserName = userName, DisplayName = displayName, Role = CareWatchRoles.Relative,
            SeniorId = invited.Contact.SeniorId, // a relative belongs to a senior, not to the bureau (users_scope)
            Culture = CareWatchCultures.Match(invited.Contact.Language), CreatedAt = now.UtcDateTime,
        };
        var created = await users.CreateAsync(account, input.Password!);
        if (!created.Succeeded) return AdminResult<UserAccount>.Invalid(StaffCommands.FieldsOf(created));
        if (!await relatives.LinkForSystemAsync(invited.Contact.Id, account.Id, ct))
        {
            // Taken up in another tab or by someone else in the meantime: the link works once.
            await users.DeleteAsync(account);
            return AdminResult<UserAccount>.Missing();
        }
        await audit.RecordAsync(new AuditActor(AuditActorKind.User, account.Id.ToString(), null),
            AuditActions.InvitationAccepted, invited.BureauId, account.Id.ToString(),
            new { role = account.Role, contact = invited.Contact.Id }, invited.Contact.SeniorId, ct);
        return AdminResult<UserAccount>.Done(account);
    }
}
