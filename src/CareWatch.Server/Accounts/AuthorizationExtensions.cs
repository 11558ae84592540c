using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareWatch.Server.Accounts;

/// <summary>Authentication schemes and the authorisation policies of <see cref="CareWatchPolicies"/>.</summary>
public static class AuthorizationExtensions
{
    private const string KeyOrCookie = "KeyOrCookie";

    /// <summary>
    /// Registers the authentication schemes behind one policy scheme: a request carrying an API key is
    /// authenticated by the key (and nothing else: a key never falls back to a cookie), any other by Identity's
    /// sign-in cookie (<see cref="IdentityExtensions"/>). Then the policies. The fallback policy requires a signed-in user,
    /// so an endpoint mapped without a rule is closed, not open; health and the device gateway opt out explicitly.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(KeyOrCookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(KeyOrCookie, null, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.HasKey(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CareWatchPolicies.SeniorData, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Scope() is not null))
            .AddPolicy(CareWatchPolicies.BureauData, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Staff, CareWatchRoles.Supervisor, CareWatchRoles.Integration)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauStaff, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Staff, CareWatchRoles.Supervisor)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauManage, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Supervisor, CareWatchRoles.Integration)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauSupervise, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Supervisor)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauSuperviseOrAdmin, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Supervisor, CareWatchRoles.Admin)
                .RequireAssertion(c => c.User.IsInRole(CareWatchRoles.Admin) || c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(CareWatchRoles.Admin))
            .AddPolicy(CareWatchPolicies.Relative, p => p.RequireAuthenticatedUser().RequireRole(CareWatchRoles.Relative)
                .RequireAssertion(c => c.User.Scope()?.SeniorId is not null));
        return builder;
    }
}
