using Polly;
using Polly.Retry;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The retry of work a node must finish at start whatever happens (migrations, encrypting plain device keys): every
/// failure but cancellation is retried, with jittered exponential back-off up to 15 s, for as long as it takes, so
/// the process stays up (live) while /health/ready says why it is not ready.
/// </summary>
internal static class StartupRetry
{
    /// <summary>A pipeline that logs each retry as "{what} (attempt N): reason" (the message only).</summary>
    public static ResiliencePipeline Forever(ILogger logger, LogLevel level, string what, TimeSpan firstDelay) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = TimeSpan.FromSeconds(15),
                OnRetry = args =>
                {
                    logger.Log(level, "{What} (attempt {Attempt}): {Reason}", what, args.AttemptNumber + 1,
                        args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
