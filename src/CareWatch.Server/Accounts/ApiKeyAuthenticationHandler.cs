using System.Security.Claims;
using System.Text.Encodings.Web;
using CareWatch.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CareWatch.Server.Accounts;

/// <summary>
/// Signs in a bureau's integration from its API key: <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key</c>.
/// The principal has role <see cref="CareWatchRoles.Integration"/> and the key's bureau as
/// <see cref="CareWatchClaims.Bureau"/>. No key: no result (another scheme may sign the request in). A wrong,
/// unknown or revoked key: failure, which the challenge answers 401 — never a redirect, this scheme is for machines.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header an integration may use instead of <c>Authorization</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key's id claim, so logs and the audit can name the key without its secret.</summary>
    public const string KeyIdClaim = "carewatch:api-key";

    /// <summary>Whether a request carries an API key (the policy scheme forwards such requests here).</summary>
    public static bool HasKey(HttpRequest request) => Presented(request) is not null;

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented) return AuthenticateResult.NoResult();
        var key = await keys.VerifyAsync(presented, Context.RequestAborted);
        // The message names no part of the key: failed attempts are logged by the framework with it.
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, CareWatchRoles.Integration),
            new Claim(CareWatchClaims.Bureau, key.BureauId.ToString()),
            new Claim(KeyIdClaim, key.Prefix),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, SchemeName);
        return Task.CompletedTask;
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
            return header[(SchemeName.Length + 1)..].Trim();
        var alternative = request.Headers[HeaderName].ToString();
        return alternative.Length > 0 ? alternative.Trim() : null;
    }
}
