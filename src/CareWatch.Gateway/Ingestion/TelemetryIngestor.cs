using System.Buffers;
using System.Diagnostics;
using CareWatch.Gateway.Mqtt;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace CareWatch.Gateway.Ingestion;

/// <summary>
/// Handles telemetry PUBLISHes from a device inside MQTTnet's publish interceptor. MQTTnet queues the
/// PUBACK only after the interceptor returns, so awaiting the durable write here is what makes
/// "PUBACK = stored". Outcomes:
/// <list type="bullet">
/// <item>accepted or duplicate: stored once, acknowledged;</item>
/// <item>invalid but well-formed MQTT: counted, dropped, acknowledged (as IoT Hub does) so the watch does not resend it forever;</item>
/// <item>storage failed: connection closed without PUBACK, so the watch resends after reconnecting.</item>
/// </list>
/// </summary>
internal sealed class TelemetryIngestor(
    TelemetryPipeline pipeline,
    TimeProvider time,
    GatewayMetrics metrics,
    ILogger<TelemetryIngestor> logger) : IDisposable
{
    // A failed batch fails every message in it, and the pipeline has logged the cause: count the rest.
    private readonly LogThrottle _log = new(logger, time);

    /// <summary>Handles a publish that <see cref="PublishRouter"/> found to be this device's own telemetry topic.</summary>
    public async Task OnTelemetryAsync(InterceptingPublishEventArgs e, DeviceSession session, IReadOnlyDictionary<string, string> properties)
    {
        var message = e.ApplicationMessage;
        var now = time.GetUtcNow();
        var (batch, result, clockError, digest) = Check(message.Payload, properties, now, now);
        if (!result.IsValid)
        {
            metrics.OnRejected(result.Reason);
            logger.LogInformation("Rejected message from {DeviceId}: {Reason} ({Detail})", session.DeviceId, result.Reason, result.Detail);
            // MQTT 5 clients learn why; MQTT 3.1.1 PUBACKs carry no reason, the message is simply dropped.
            e.Response.ReasonCode = result.Reason == RejectReason.Malformed || result.Reason == RejectReason.UnknownSchema
                ? MqttPubAckReasonCode.PayloadFormatInvalid
                : MqttPubAckReasonCode.ImplementationSpecificError;
            e.Response.ReasonString = $"{result.Reason}: {result.Detail}";
            return;
        }

        // The message's trace: the pipeline hands its context on with the stored message, so the monitor's alert and
        // the alert's notifications continue it. Disposed (ended) once the message is stored or given up.
        using var activity = GatewayTracing.StartMessage(session.DeviceId, batch!, ActivityKind.Server);
        try
        {
            var incoming = new IncomingTelemetry(
                session.DeviceId, session.SeniorId, batch!, now.UtcDateTime, clockError, digest);
            var isNew = await pipeline.SubmitAsync(incoming, e.CancellationToken);
            metrics.OnStored(isNew, clockError);
            if (!isNew) activity?.SetTag("carewatch.duplicate", true);
        }
        catch (OperationCanceledException) when (e.CancellationToken.IsCancellationRequested)
        {
            // The connection closed (a stopping gateway disconnects its watches) while the write was queued or
            // under way: no PUBACK, so the watch resends; had the write committed, the resend is a duplicate.
            e.CloseConnection = true;
            _log.Log(LogLevel.Information, "closed-before-ack", null,
                "Connection of {DeviceId} closed before message {Seq} was acknowledged; it will be resent",
                session.DeviceId, batch!.Seq);
        }
        catch (Exception ex)
        {
            metrics.OnWriteFailed();
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            _log.Log(LogLevel.Warning, "message-not-stored", ex,
                "Message {Seq} of {DeviceId} not stored; closing the connection so it is resent",
                batch!.Seq, session.DeviceId);
            e.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
            e.CloseConnection = true;
        }
    }

    public void Dispose() => _log.Dispose();

    /// <summary>
    /// Parses and validates a message against the server clock <paramref name="now"/>, after moving its
    /// timestamps onto the server clock when it says when it was sent (<see cref="ClockCorrection"/>);
    /// <paramref name="arrivedAt"/> is when it reached us or the hub, null when unknown (no correction).
    /// Also returns the watch's clock error, when the message let it be measured, and the de-duplication digest
    /// of the batch as the watch sent it (a resend is corrected anew and may land a minute apart).
    /// </summary>
    internal static (TelemetryBatch?, ValidationResult, TimeSpan? ClockError, TelemetryDigest? Digest) Check(
        ReadOnlySequence<byte> payload, IReadOnlyDictionary<string, string> properties, DateTimeOffset now, DateTimeOffset? arrivedAt)
    {
        if (payload.Length > TelemetryLimits.MaxPayloadBytes)
            return (null, new(RejectReason.TooLarge, $"payload of {payload.Length} bytes"), null, null);
        if (!properties.TryGetValue("schema", out var schema) || schema != TelemetryLimits.Schema)
            return (null, new(RejectReason.UnknownSchema, $"schema '{schema}'"), null, null);
        var sent = TelemetryJson.TryParse(
            payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray(), out var error);
        if (sent is null) return (null, new(RejectReason.Malformed, error), null, null);
        var batch = arrivedAt is { } arrived ? ClockCorrection.Apply(sent, arrived) : sent;
        var clockError = arrivedAt is { } at ? ClockCorrection.ErrorOf(sent, at) : null;
        var result = TelemetryValidator.Validate(batch, now);
        return (batch, result, clockError, result.IsValid ? TelemetryDigest.Of(sent) : null);
    }
}
