using CareWatch.Detection.Model;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Monitoring;

/// <summary>
/// The inactivity model in service, loaded from PostgreSQL. Re-checks the promoted version every few
/// minutes, so a model promoted on another node reaches this one too.
/// </summary>
public sealed class DetectionModelProvider(DetectionModelStore store, TimeProvider time, ILogger<DetectionModelProvider> logger)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HazardModel? Model, int? Version) _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The model in service and its version; (null, null) before any model was promoted.</summary>
    public async Task<(HazardModel? Model, int? Version)> GetAsync(CancellationToken ct = default)
    {
        if (time.GetUtcNow() - _checkedAt < RecheckEvery) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() - _checkedAt < RecheckEvery) return _current;
            // Every few minutes on every node: read the version (one small row) and fetch the model bytes only when it changed.
            var stored = await store.PromotedVersionAsync(ct) is { } version && version != _current.Version
                ? await store.LoadPromotedAsync(ct) : null;
            if (stored is not null && stored.Info.Version != _current.Version)
            {
                using var stream = new MemoryStream(stored.Model);
                var model = HazardModel.Load(stream, PersonProfile.FromArray(stored.PopulationProfile),
                    new Detection.StillDefinition(stored.PopulationStill[0], stored.PopulationStill[1], stored.PopulationStill[2]));
                _current = (model, stored.Info.Version);
                logger.LogInformation("Inactivity model version {Version} in service", stored.Info.Version);
            }
            _checkedAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Puts a just-promoted model in service at once on this node.</summary>
    public void Use(HazardModel model, int version)
    {
        _current = (model, version);
        _checkedAt = time.GetUtcNow();
    }
}
