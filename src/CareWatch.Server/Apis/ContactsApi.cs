using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A senior's contact as the API shows it (<see cref="ContactRecord"/>); quiet hours in the senior's time.</summary>
public sealed record ContactView(Guid Id, Guid SeniorId, string Name, string Relation, string Language, string? Email,
    string? Phone, int ChainOrder, IReadOnlyList<string> Channels, TimeOnly? QuietFrom, TimeOnly? QuietUntil,
    DateTime CreatedAt)
{
    /// <summary>Maps a stored contact.</summary>
    public static ContactView From(ContactRecord c) => new(c.Id, c.SeniorId, c.Name, c.Relation, c.Language, c.Email,
        c.Phone, c.ChainOrder, c.Channels, c.QuietFrom, c.QuietUntil, c.CreatedAt);
}

/// <summary>
/// /api/seniors/{seniorId}/contacts: the relatives and neighbours a chain calls, in order. Policy bureau-manage
/// (supervisors and integrations), not bureau-supervise: relatives' numbers change often and bureaus keep them in
/// their client records, so an integration that syncs them is the usual way in; staff only read them on an alert.
/// </summary>
public static class ContactsApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauManage"/>.</summary>
    public static RouteGroupBuilder MapContactsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/seniors/{seniorId:guid}/contacts").WithTags("Contacts").ProducesValidationProblem()
            .ProducesProblem(404);
        group.MapGet("/", ListAsync).WithName("ListContacts").WithSummary("The senior's contacts in chain order.");
        group.MapPost("/", CreateAsync).WithName("CreateContact").WithSummary("Adds a contact (audited).");
        group.MapPut("/{contactId:guid}", UpdateAsync).WithName("UpdateContact").WithSummary("Replaces a contact (audited).");
        group.MapDelete("/{contactId:guid}", DeleteAsync).WithName("DeleteContact").WithSummary("Removes a contact (audited).");
        return group;
    }

    private static async Task<Results<Ok<List<ContactView>>, ProblemHttpResult>> ListAsync(Guid seniorId,
        ClaimsPrincipal user, ContactStore store, CancellationToken ct) =>
        await store.ListAsync(user.RequiredScope(), seniorId, ct) is { } list
            ? TypedResults.Ok(list.Select(ContactView.From).ToList())
            : SeniorNotFound(seniorId);

    private static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> CreateAsync(Guid seniorId,
        ContactInput request, ClaimsPrincipal user, ContactStore store, IAuditTrail audit, CancellationToken ct)
    {
        var scope = user.RequiredScope();
        var errors = request.Validate();
        // Another bureau's senior is "not found" whatever the body says, so a refusal never tells that it exists.
        if (errors.Count > 0)
            return await store.ListAsync(scope, seniorId, ct) is null ? NotFound(seniorId) : TypedResults.ValidationProblem(errors);
        var (status, contact) = await store.CreateAsync(scope, seniorId, request, ct);
        if (status == ContactWriteStatus.OrderTaken) return OrderTaken();
        if (status == ContactWriteStatus.NotFound) return NotFound(seniorId);
        await audit.RecordAsync(user, AuditActions.ContactCreated, contact!.Id.ToString(), Facts(contact), seniorId, ct: ct);
        return TypedResults.Created($"/api/seniors/{seniorId}/contacts/{contact.Id}", ContactView.From(contact));
    }

    private static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid seniorId,
        Guid contactId, ContactInput request, ClaimsPrincipal user, ContactStore store, IAuditTrail audit, CancellationToken ct)
    {
        var scope = user.RequiredScope();
        var errors = request.Validate();
        // Another bureau's senior is "not found" whatever the body says, so a refusal never tells that it exists.
        if (errors.Count > 0)
            return await store.ListAsync(scope, seniorId, ct) is null ? NotFound(seniorId) : TypedResults.ValidationProblem(errors);
        var (status, contact) = await store.UpdateAsync(scope, seniorId, contactId, request, ct);
        if (status == ContactWriteStatus.OrderTaken) return OrderTaken();
        if (status == ContactWriteStatus.NotFound) return NotFound(seniorId);
        await audit.RecordAsync(user, AuditActions.ContactUpdated, contactId.ToString(), Facts(contact!), seniorId, ct: ct);
        return TypedResults.Ok(ContactView.From(contact!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid seniorId, Guid contactId,
        ClaimsPrincipal user, ContactStore store, IAuditTrail audit, CancellationToken ct)
    {
        if (!await store.DeleteAsync(user.RequiredScope(), seniorId, contactId, ct))
            return TypedResults.Problem(statusCode: 404, title: "Contact not found", detail: $"No contact {contactId} of this senior.");
        await audit.RecordAsync(user, AuditActions.ContactDeleted, contactId.ToString(), seniorId: seniorId, ct: ct);
        return TypedResults.NoContent();
    }

    // The audit keeps what changed in the chain, not the contact's name, address or number (personal data of a third
    // person, which the senior's erasure could not reach in the log's details).
    private static object Facts(ContactRecord c) => new { c.ChainOrder, c.Language, c.Channels };

    private static ValidationProblem OrderTaken() =>
        DeviceProblems.Invalid("chainOrder", "Another contact of this senior has this place.");

    private static ProblemHttpResult NotFound(Guid seniorId) => TypedResults.Problem(statusCode: 404, title: "Not found",
        detail: $"No senior {seniorId} (or no such contact of theirs) in this bureau.");

    private static ProblemHttpResult SeniorNotFound(Guid seniorId) =>
        TypedResults.Problem(statusCode: 404, title: "Senior not found", detail: $"No senior {seniorId} in this bureau.");
}
