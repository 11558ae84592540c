using Polly;
using Polly.Retry;

namespace CareWatch.FirmwareSim.Device;

/// <summary>
/// Retry forever with exponential backoff and jitter, as IoT devices must: a gateway restart should
/// not make a thousand watches reconnect in the same second. Only cancellation stops it.
/// </summary>
internal static class ReconnectPolicy
{
    public static ResiliencePipeline Create(SimulatedWatchOptions options, string deviceId)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        return builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.ReconnectBaseDelay,
            MaxDelay = options.ReconnectMaxDelay,
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                options.Log?.Invoke(
                    $"{deviceId}: attempt {args.AttemptNumber + 1} failed ({Describe(args.Outcome.Exception)}); retrying in {args.RetryDelay.TotalSeconds:0.0} s");
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private static string Describe(Exception? ex) => ex switch
    {
        null => "no exception",
        { InnerException: { } inner } when ex.Message.Length < 20 => $"{ex.Message}: {inner.Message}",
        _ => ex.Message,
    };
}
