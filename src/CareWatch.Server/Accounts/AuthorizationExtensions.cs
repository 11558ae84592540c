using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CareWatch.Server.Accounts;

/// <summary>Authentication schemes and the authorisation policies of <see cref="CareWatchPolicies"/>.</summary>
public static class AuthorizationExtensions
{
    /// <summary>
    /// Registers the API-key scheme (the default scheme for now; Identity's cookie joins it behind a policy scheme
    /// that forwards requests carrying a key here) and the policies. The fallback policy requires a signed-in user,
    /// so an endpoint mapped without a rule is closed, not open; health and the device gateway opt out explicitly.
    /// </summary>
    public static WebApplicationBuilder AddCareWatchAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CareWatchPolicies.SeniorData, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.Scope() is not null))
            .AddPolicy(CareWatchPolicies.BureauData, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Staff, CareWatchRoles.Supervisor, CareWatchRoles.Integration)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauManage, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Supervisor, CareWatchRoles.Integration)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.BureauSupervise, p => p.RequireAuthenticatedUser()
                .RequireRole(CareWatchRoles.Supervisor)
                .RequireAssertion(c => c.User.Scope()?.BureauId is not null))
            .AddPolicy(CareWatchPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(CareWatchRoles.Admin));
        return builder;
    }
}
