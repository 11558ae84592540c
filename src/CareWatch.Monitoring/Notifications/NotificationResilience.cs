using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;

namespace CareWatch.Monitoring.Notifications;

/// <summary>
/// The Polly pipelines of the channels, one per endpoint (the SMTP relay, each webhook), from the registry that
/// <c>AddResiliencePipeline</c> sets up: quick retries with jitter inside an attempt, then a circuit breaker of that
/// endpoint alone, so a dead webhook opens its own circuit and another webhook's notifications still go.
/// </summary>
/// <remarks>
/// A channel throws for failures worth retrying (connection refused, 5xx, timeouts) and returns its outcome for the
/// rest, so only transient failures count towards a breaker. Pipelines live as long as the process; an endpoint is
/// a relay or a bureau's webhook, a few hundred at most.
/// </remarks>
public sealed class NotificationResilience(
    ResiliencePipelineRegistry<string> registry, IOptions<OutboxOptions> options, TimeProvider time)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>The pipeline of one endpoint (key: <c>smtp:host:port</c>, <c>webhook:&lt;id&gt;</c>).</summary>
    public ResiliencePipeline ForEndpoint(string endpoint) =>
        registry.GetOrAddPipeline("notify:" + endpoint, builder =>
        {
            builder.TimeProvider = time;
            var handled = new PredicateBuilder().Handle<Exception>(IsTransient);
            if (_options.QuickRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = handled,
                    MaxRetryAttempts = _options.QuickRetries,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
            }
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = handled,
                FailureRatio = 0.5,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSampling,
                BreakDuration = _options.BreakFor,
            });
        });

    // A refusal for good (a 5xx from SMTP, a 4xx from a webhook) is the receiver working: it neither needs a quick
    // retry nor says the endpoint is down. An open circuit is not retried quickly either: it stays open for
    // BreakFor, so the quick retries would only wait and fail again; the outbox's backoff brings the row back.
    private static bool IsTransient(Exception ex) =>
        ex is not PermanentDeliveryException and not BrokenCircuitException
            and not OperationCanceledException { CancellationToken.IsCancellationRequested: true };
}

/// <summary>A failure that trying again cannot mend; the channel turns it into a dead outcome.</summary>
public sealed class PermanentDeliveryException(string reason) : Exception(reason)
{
    /// <summary>Why (no personal data).</summary>
    public string Reason { get; } = reason;
}
