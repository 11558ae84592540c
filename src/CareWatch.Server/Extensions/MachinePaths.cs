namespace CareWatch.Server.Extensions;

/// <summary>
/// Paths called by programs rather than navigated to by a person: the API, the hubs, health probes, the metrics
/// scrape, the OpenAPI document and the watches' WebSocket endpoint. They answer with a status (never a redirect to a sign-in page) and,
/// on loopback, over plain HTTP too; every other path is a page.
/// </summary>
internal static class MachinePaths
{
    /// <summary>Whether <paramref name="path"/> is one of them.</summary>
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
        || path.StartsWithSegments(MetricsExtensions.Path) || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/$iothub");
}
