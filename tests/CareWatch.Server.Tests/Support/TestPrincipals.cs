using System.Security.Claims;
using System.Text.Encodings.Web;
using CareWatch.Server.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// A stand-in for the accounts and API keys (another part of issue 10) while they are not merged: a scheme that
/// takes the principal from an <c>X-Test-Principal</c> header (<c>role;bureau;senior;userId;name</c>), and the
/// policies as <see cref="CareWatchPolicies"/> describes them. Only tests add it.
/// </summary>
public static class TestPrincipals
{
    /// <summary>The header a test client sends.</summary>
    public const string Header = "X-Test-Principal";

    private const string SchemeName = "Test";

    /// <summary>Adds the scheme and the policies.</summary>
    public static void Add(IServiceCollection services)
    {
        // Not the default scheme: the sign-in cookie stays the default, so the pages work as in production.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderHandler>(SchemeName, _ => { });
        string[] schemes = [SchemeName, IdentityConstants.ApplicationScheme];
        services.AddAuthorization(o =>
        {
            o.AddPolicy(CareWatchPolicies.SeniorData, p => p.AddAuthenticationSchemes(schemes)
                .RequireAssertion(c => c.User.Scope() is not null));
            o.AddPolicy(CareWatchPolicies.BureauData, p => p.AddAuthenticationSchemes(schemes)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null));
            o.AddPolicy(CareWatchPolicies.BureauManage, p => p.AddAuthenticationSchemes(schemes)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null
                    && (c.User.IsInRole(CareWatchRoles.Supervisor) || c.User.IsInRole(CareWatchRoles.Integration))));
            o.AddPolicy(CareWatchPolicies.BureauSupervise, p => p.AddAuthenticationSchemes(schemes)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null && c.User.IsInRole(CareWatchRoles.Supervisor)));
            o.AddPolicy(CareWatchPolicies.Admin, p => p.AddAuthenticationSchemes(schemes).RequireRole(CareWatchRoles.Admin));
        });
    }

    /// <summary>A client on the server acting as the given principal.</summary>
    public static HttpClient Client(ServerHost server, string role, Guid? bureau = null, Guid? senior = null,
        string userId = "user-1", string name = "tester")
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add(Header, $"{role};{bureau};{senior};{userId};{name}");
        return client;
    }

    private sealed class HeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
        UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.ToString().Split(';');
            var claims = new List<Claim>
            {
                new(ClaimTypes.Role, parts[0]), new(ClaimTypes.NameIdentifier, parts[3]), new(ClaimTypes.Name, parts[4]),
            };
            if (parts[1].Length > 0) claims.Add(new Claim(CareWatchClaims.Bureau, parts[1]));
            if (parts[2].Length > 0) claims.Add(new Claim(CareWatchClaims.Senior, parts[2]));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}
