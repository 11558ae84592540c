namespace CareWatch.Gateway.Cloud;

/// <summary>How a direct method call ended.</summary>
public enum DirectMethodOutcome
{
    /// <summary>The watch answered; see the status and payload.</summary>
    Completed,
    /// <summary>The watch is not connected, or not subscribed to direct methods.</summary>
    Offline,
    /// <summary>The watch did not answer within the timeout.</summary>
    Timeout,
}

/// <summary>The result of a direct method call.</summary>
/// <param name="Outcome">Whether the watch answered.</param>
/// <param name="Status">The status the watch answered with (its own code, e.g. 200).</param>
/// <param name="PayloadJson">The watch's answer as JSON text (null when it sent none or did not answer).</param>
public sealed record DirectMethodResult(DirectMethodOutcome Outcome, int Status, string? PayloadJson);

/// <summary>Invokes IoT Hub–style direct methods on connected watches (the "Are you OK?" prompt uses this).</summary>
public interface IDeviceMethods
{
    /// <summary>
    /// Sends <c>$iothub/methods/POST/{method}/?$rid=…</c> to the watch and waits for its answer on
    /// <c>$iothub/methods/res/{status}/?$rid=…</c>, at most <paramref name="timeout"/>.
    /// </summary>
    Task<DirectMethodResult> InvokeAsync(string deviceId, string method, string? payloadJson, TimeSpan timeout, CancellationToken ct = default);
}
