using System.Text.Json;
using CareWatch.Gateway.Cloud;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Storage;

namespace CareWatch.Server.Adapters;

/// <summary>
/// Adapts the check-in's port to the gateway's direct methods: calls <c>areYouOk</c> on every watch of the senior at
/// once (a senior may wear one and keep another by the bed), in the senior's language, and counts the prompt shown when any answers 2xx. The
/// answer to "Are you OK?" itself comes later, as the watch's OK event in its telemetry.
/// </summary>
public sealed class DirectMethodWatchPrompt(SeniorWatches watches, IDeviceMethods methods, ILogger<DirectMethodWatchPrompt> logger)
    : IWatchPrompt
{
    /// <summary>The direct method the watches implement (docs/protocol.md).</summary>
    public const string Method = "areYouOk";

    /// <inheritdoc />
    public async Task<PromptOutcome> AskAsync(Guid seniorId, long alertId, int promptNumber, TimeSpan window,
        TimeSpan timeout, CancellationToken ct)
    {
        var devices = await watches.DeviceIdsForSystemAsync(seniorId, ct);
        if (devices.Count == 0) return PromptOutcome.Unreachable;
        // The watch words "Are you OK?" in the senior's own language, not the bureau's.
        var language = await watches.LanguageForSystemAsync(seniorId, ct);
        var payload = JsonSerializer.Serialize(new { alertId, prompt = promptNumber, windowSeconds = (int)window.TotalSeconds, language });
        var results = await Task.WhenAll(devices.Select(d => methods.InvokeAsync(d, Method, payload, timeout, ct)));
        var shown = results.Count(r => r is { Outcome: DirectMethodOutcome.Completed, Status: >= 200 and < 300 });
        logger.LogInformation("Prompt {Prompt} of alert {AlertId}: shown on {Shown} of {Watches} watch(es)",
            promptNumber, alertId, shown, devices.Count);
        return shown > 0 ? PromptOutcome.Shown : PromptOutcome.Unreachable;
    }
}
