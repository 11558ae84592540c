using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Administration;
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
        ContactInput request, ClaimsPrincipal user, ContactCommands commands, CancellationToken ct)
    {
        var result = await commands.CreateAsync(user, seniorId, request, ct);
        if (result.NotFound) return NotFound(seniorId);
        return result.Value is { } contact
            ? TypedResults.Created($"/api/seniors/{seniorId}/contacts/{contact.Id}", ContactView.From(contact))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid seniorId,
        Guid contactId, ContactInput request, ClaimsPrincipal user, ContactCommands commands, CancellationToken ct)
    {
        var result = await commands.UpdateAsync(user, seniorId, contactId, request, ct);
        if (result.NotFound) return NotFound(seniorId);
        return result.Value is { } contact
            ? TypedResults.Ok(ContactView.From(contact))
            : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid seniorId, Guid contactId,
        ClaimsPrincipal user, ContactCommands commands, CancellationToken ct) =>
        await commands.DeleteAsync(user, seniorId, contactId, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Contact not found", detail: $"No contact {contactId} of this senior.");

    private static ProblemHttpResult NotFound(Guid seniorId) => TypedResults.Problem(statusCode: 404, title: "Not found",
        detail: $"No senior {seniorId} (or no such contact of theirs) in this bureau.");

    private static ProblemHttpResult SeniorNotFound(Guid seniorId) =>
        TypedResults.Problem(statusCode: 404, title: "Senior not found", detail: $"No senior {seniorId} in this bureau.");
}
