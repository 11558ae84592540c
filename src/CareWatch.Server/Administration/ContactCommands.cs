using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Contacts;

namespace CareWatch.Server.Administration;

/// <summary>
/// A senior's contacts added, changed and removed, validated and audited: the one path behind ContactsApi and the
/// contacts page. Another bureau's senior is not found whatever the input, so a refusal never tells that it exists.
/// </summary>
public sealed class ContactCommands(ContactStore store, IAuditTrail audit)
{
    /// <summary>Adds a contact to a senior of the caller's bureau.</summary>
    public Task<AdminResult<ContactRecord>> CreateAsync(ClaimsPrincipal user, Guid seniorId, ContactInput input,
        CancellationToken ct = default) =>
        WriteAsync(user, seniorId, input, AuditActions.ContactCreated,
            scope => store.CreateAsync(scope, seniorId, input, ct), ct);

    /// <summary>Replaces a contact of a senior of the caller's bureau.</summary>
    public Task<AdminResult<ContactRecord>> UpdateAsync(ClaimsPrincipal user, Guid seniorId, Guid contactId,
        ContactInput input, CancellationToken ct = default) =>
        WriteAsync(user, seniorId, input, AuditActions.ContactUpdated,
            scope => store.UpdateAsync(scope, seniorId, contactId, input, ct), ct);

    /// <summary>Removes a contact; false when the senior (in the caller's bureau) has none by that id.</summary>
    public async Task<bool> DeleteAsync(ClaimsPrincipal user, Guid seniorId, Guid contactId, CancellationToken ct = default)
    {
        if (!await store.DeleteAsync(user.RequiredScope(), seniorId, contactId, ct)) return false;
        await audit.RecordAsync(user, AuditActions.ContactDeleted, contactId.ToString(), seniorId: seniorId, ct: ct);
        return true;
    }

    private async Task<AdminResult<ContactRecord>> WriteAsync(ClaimsPrincipal user, Guid seniorId, ContactInput input,
        AuditAction action, Func<Storage.TenantScope, Task<(ContactWriteStatus, ContactRecord?)>> write,
        CancellationToken ct)
    {
        var scope = user.RequiredScope();
        if (input.Validate() is { Count: > 0 } errors)
        {
            return await store.ListAsync(scope, seniorId, ct) is null
                ? AdminResult<ContactRecord>.Missing()
                : AdminResult<ContactRecord>.Invalid(errors);
        }
        var (status, contact) = await write(scope);
        if (status == ContactWriteStatus.OrderTaken)
            return AdminResult<ContactRecord>.Invalid("chainOrder", "Another contact of this senior has this place.");
        if (status == ContactWriteStatus.NotFound) return AdminResult<ContactRecord>.Missing();
        await audit.RecordAsync(user, action, contact!.Id.ToString(), Facts(contact), seniorId, ct: ct);
        return AdminResult<ContactRecord>.Done(contact);
    }

    // The audit keeps what changed in the chain, not the contact's name, address or number (personal data of a third
    // person, which the senior's erasure could not reach in the log's details).
    private static object Facts(ContactRecord c) => new { c.ChainOrder, c.Language, c.Channels };
}
