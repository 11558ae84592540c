using System.Security.Claims;
using System.Text.Encodings.Web;
using CareWatch.Server.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Tests.Support;

/// <summary>
/// Tests only: a person's principal (admin, supervisor, staff, relative) from request headers, so a test of a policy
/// need not sign in through the page first (sign-in itself is tested in Accounts/, and the authorisation matrix
/// signs in for real). Registered only through the
/// test hook of <see cref="CareWatchApplication.Create"/>; a request without <see cref="RoleHeader"/> goes to the
/// server's own schemes unchanged, so API-key tests exercise the real path.
/// </summary>
public sealed class TestPrincipals(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The role of the test principal.</summary>
    public const string RoleHeader = "X-Test-Role";

    /// <summary>Its bureau (staff, supervisor).</summary>
    public const string BureauHeader = "X-Test-Bureau";

    /// <summary>Its senior (relative).</summary>
    public const string SeniorHeader = "X-Test-Senior";

    private const string TestScheme = "Test";
    private const string Selector = "TestOrServer";

    /// <summary>Adds the scheme in front of the server's default scheme.</summary>
    public static void Register(IServiceCollection services)
    {
        string? serverDefault = null;
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TestPrincipals>(TestScheme, null)
            .AddPolicyScheme(Selector, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(RoleHeader) ? TestScheme : serverDefault);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            serverDefault = o.DefaultScheme;
            o.DefaultScheme = Selector;
        });
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "test"), new(ClaimTypes.Role, Request.Headers[RoleHeader].ToString()) };
        if (Request.Headers[BureauHeader].ToString() is { Length: > 0 } bureau) claims.Add(new(CareWatchClaims.Bureau, bureau));
        if (Request.Headers[SeniorHeader].ToString() is { Length: > 0 } senior) claims.Add(new(CareWatchClaims.Senior, senior));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestScheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestScheme)));
    }
}
