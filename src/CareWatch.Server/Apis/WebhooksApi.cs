using System.Net;
using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Server.Audit;
using CareWatch.Storage.Audit;
using CareWatch.Storage.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A bureau's webhook as listed (never its secret).</summary>
public sealed record WebhookView(Guid Id, string Name, string Url, bool Enabled, DateTime CreatedAt)
{
    /// <summary>Maps a stored webhook.</summary>
    public static WebhookView From(WebhookRecord w) =>
        new(w.Id, w.Name, w.Url, w.Enabled, DateTime.SpecifyKind(w.CreatedAt, DateTimeKind.Utc));
}

/// <summary>A webhook just created, with its signing secret: shown in this answer only.</summary>
public sealed record CreatedWebhookView(WebhookView Webhook, string Secret);

/// <summary>A webhook to create.</summary>
/// <param name="Name">What it is (1–200 characters): "SMS gateway".</param>
/// <param name="Url">Where notifications are posted: https, or http to this machine only (a local gateway).</param>
public sealed record WebhookRequest(string? Name, string? Url);

/// <summary>/api/bureau/webhooks: the bureau's signed webhooks (SMS/WeChat gateways), managed by its supervisors.</summary>
public static class WebhooksApi
{
    /// <summary>Maps the endpoints; the composition root requires <see cref="CareWatchPolicies.BureauSupervise"/>.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/bureau/webhooks").WithTags("Notifications").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The bureau's webhooks, without their secrets.");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Creates a webhook (audited); the answer holds its signing secret, which is never shown again.");
        group.MapDelete("/{webhookId:guid}", DeleteAsync).WithName("DeleteWebhook").ProducesProblem(404)
            .WithSummary("Deletes a webhook and the chain steps that named it (audited).");
        return group;
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(ClaimsPrincipal user, WebhookStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.RequiredScope(), ct)).Select(WebhookView.From).ToList());

    private static async Task<Results<Created<CreatedWebhookView>, ValidationProblem>> CreateAsync(WebhookRequest request,
        ClaimsPrincipal user, WebhookStore store, IAuditTrail audit, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) return DeviceProblems.Invalid("name", "1 to 200 characters.");
        if (Target(request.Url) is not { } url)
            return DeviceProblems.Invalid("url", "An absolute https URL (http only to this machine), at most 2000 characters.");
        var (webhook, secret) = await store.CreateAsync(user.RequiredScope(), name, url, ct);
        // The URL's host is kept (which gateway), not its path or query, which may carry the gateway's own token.
        await audit.RecordAsync(user, AuditActions.WebhookCreated, webhook.Id.ToString(), new { name, host = url.Host }, ct: ct);
        return TypedResults.Created($"/api/bureau/webhooks/{webhook.Id}", new CreatedWebhookView(WebhookView.From(webhook), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid webhookId, ClaimsPrincipal user,
        WebhookStore store, IAuditTrail audit, CancellationToken ct)
    {
        if (!await store.DeleteAsync(user.RequiredScope(), webhookId, ct))
            return TypedResults.Problem(statusCode: 404, title: "Webhook not found", detail: $"No webhook {webhookId} in this bureau.");
        await audit.RecordAsync(user, AuditActions.WebhookDeleted, webhookId.ToString(), ct: ct);
        return TypedResults.NoContent();
    }

    // Plain http would send every signed notification (and so the facts of an alarm) in clear over the network;
    // a gateway on the same machine is the one place where that is no exposure.
    private static Uri? Target(string? text)
    {
        if (text is null || text.Length > 2000 || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)) return null;
        if (url.Scheme == Uri.UriSchemeHttps) return url;
        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip));
        return url.Scheme == Uri.UriSchemeHttp && loopback ? url : null;
    }
}
