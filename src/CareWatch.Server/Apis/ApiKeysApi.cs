using System.Security.Claims;
using CareWatch.Server.Accounts;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>Body of POST /api/api-keys.</summary>
/// <param name="Name">What the key is for (an integration's name), 1–100 characters.</param>
public sealed record CreateApiKeyRequest(string? Name);

/// <summary>A bureau API key as listed: never its secret.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt,
    DateTime? LastUsedAt)
{
    /// <summary>Maps a stored key.</summary>
    public static ApiKeyView From(ApiKeyRecord k) =>
        new(k.Id, k.Name, k.Prefix, Utc(k.CreatedAt), Utc(k.RevokedAt), Utc(k.LastUsedAt));

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? t) => t is null ? null : Utc(t.Value);
}

/// <summary>A key just created: <paramref name="Key"/> is shown this once and cannot be read again.</summary>
public sealed record CreatedApiKeyView(ApiKeyView ApiKey, string Key);

/// <summary>/api/api-keys: the integration keys of the caller's bureau (its supervisors create, list, revoke).</summary>
public static class ApiKeysApi
{
    /// <summary>Maps the API key endpoints.</summary>
    public static RouteGroupBuilder MapApiKeysApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/api-keys").WithTags("API keys");
        group.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Creates an API key for the bureau's integration; the key is in this answer only.");
        group.MapGet("/", ListAsync).WithName("ListApiKeys")
            .WithSummary("Lists the bureau's API keys (never their secrets).");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey").ProducesProblem(404)
            .WithSummary("Revokes a key: requests with it answer 401 from now on.");
        return group;
    }

    private static async Task<Results<Created<CreatedApiKeyView>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken ct)
    {
        if (request.Name is not { Length: >= 1 and <= 100 } name || name.Any(char.IsControl))
            return DeviceProblems.Invalid("name", "1–100 characters, no control characters.");
        var created = await keys.CreateAsync(user.RequiredScope(), name, ct: ct);
        return TypedResults.Created($"/api/api-keys/{created.Record.Id}",
            new CreatedApiKeyView(ApiKeyView.From(created.Record), created.Key));
    }

    private static async Task<Ok<List<ApiKeyView>>> ListAsync(ClaimsPrincipal user, ApiKeyStore keys,
        CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(user.RequiredScope(), ct)).Select(ApiKeyView.From).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ClaimsPrincipal user,
        ApiKeyStore keys, CancellationToken ct) =>
        await keys.RevokeAsync(user.RequiredScope(), id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "API key not found",
                detail: "No valid key of this bureau has that id.");
}
