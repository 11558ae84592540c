using CareWatch.Gateway.Mqtt;
using CareWatch.Server.Adapters;
using CareWatch.Server.Hubs;
using CareWatch.Storage.Board;

namespace CareWatch.Server.Extensions;

/// <summary>Registers the seniors board: its reads, the still periods it keeps and its live feed.</summary>
public static class SeniorsBoardExtensions
{
    /// <summary>Adds the board's stores, the feed (a hosted loop) and the gateway presence adapter.</summary>
    public static IServiceCollection AddSeniorsBoard(this IServiceCollection services)
    {
        services.AddSingleton<SeniorStateReader>();
        services.AddSingleton<SeniorStillStore>();
        services.AddSingleton<SeniorStateFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<SeniorStateFeed>());
        services.AddSingleton<IConnectionObserver, BoardConnectionObserver>();
        return services;
    }
}
