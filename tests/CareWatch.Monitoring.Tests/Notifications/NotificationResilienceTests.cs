using CareWatch.Monitoring.Notifications;
using CareWatch.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace CareWatch.Monitoring.Tests.Notifications;

public sealed class NotificationResilienceTests
{
    private readonly FakeTimeProvider _time = new();

    private ResiliencePipeline Pipeline(string endpoint, ResiliencePipelineRegistry<string> registry) =>
        new NotificationResilience(registry, Options.Create(new OutboxOptions
        {
            QuickRetries = 2, BreakerMinimumThroughput = 2,
        }), _time).ForEndpoint(endpoint);

    [Fact]
    public async Task ForEndpoint_CircuitOpen_FailsAtOnceWithoutQuickRetriesAndOtherEndpointsStillGo()
    {
        var registry = new ResiliencePipelineRegistry<string>();
        var relay = Pipeline("smtp:relay:25", registry);
        var calls = 0;

        // Two failing tries (the attempt and its first quick retry, after the fake clock passes its delay) open it.
        var first = relay.ExecuteAsync(_ => { Interlocked.Increment(ref calls); throw new IOException("refused"); }).AsTask();
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 1, "the first try");
        _time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 2, "the quick retry");
        // Its last quick retry finds the circuit open (and is not called).
        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return first.IsCompleted;
        }, "the attempt ends on the open circuit");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => first);

        // Open: the next attempt fails at once, on a clock that does not move (a quick retry would wait for it).
        var next = relay.ExecuteAsync(_ => { Interlocked.Increment(ref calls); return ValueTask.CompletedTask; }).AsTask();
        Assert.True(next.IsCompleted);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => next);
        Assert.Equal(2, calls);

        // Another endpoint has its own circuit.
        await Pipeline("webhook:other", registry).ExecuteAsync(_ => ValueTask.CompletedTask);
    }
}
