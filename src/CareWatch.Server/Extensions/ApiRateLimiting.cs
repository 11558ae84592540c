using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Primitives;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Puts a rate-limiting policy on every endpoint under a path prefix, including ones mapped later by any
/// area, so no <c>/api</c> route can be added without a limit. Endpoints that name their own policy (sign-in)
/// or disable limiting keep theirs.
/// </summary>
public static class ApiRateLimiting
{
    /// <summary>
    /// Call after every <c>Map…</c>: wraps the app's endpoint sources so their endpoints carry the policy.
    /// </summary>
    public static WebApplication RequireRateLimitingUnder(this WebApplication app, string prefix, string policy)
    {
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        var wrapped = sources.Select(s => (EndpointDataSource)new PrefixPolicySource(s, prefix, policy)).ToList();
        sources.Clear();
        foreach (var source in wrapped) sources.Add(source);
        return app;
    }

    private sealed class PrefixPolicySource(EndpointDataSource inner, string prefix, string policy) : EndpointDataSource
    {
        private readonly EnableRateLimitingAttribute _policy = new(policy);

        public override IReadOnlyList<Endpoint> Endpoints => inner.Endpoints.Select(Decorate).ToList();

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();

        private Endpoint Decorate(Endpoint endpoint)
        {
            if (endpoint is not RouteEndpoint route || route.RequestDelegate is null) return endpoint;
            var pattern = "/" + (route.RoutePattern.RawText ?? "").TrimStart('/');
            var under = pattern.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase) || pattern == prefix;
            if (!under) return endpoint;
            if (route.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                || route.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null) return endpoint;
            return new RouteEndpoint(route.RequestDelegate, route.RoutePattern, route.Order,
                new EndpointMetadataCollection([.. route.Metadata, _policy]), route.DisplayName);
        }
    }
}
