using Xunit;

namespace CareWatch.TestSupport;

/// <summary>
/// Waits for state that is updated asynchronously (a disconnect seen, a row written by a background loop). It
/// polls an observable fact; the deadline only turns a hang into a failure and is no timing assertion.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with <paramref name="what"/> if it never does.</summary>
    public static Task TrueAsync(Func<bool> condition, string what) => TrueAsync(() => Task.FromResult(condition()), what);

    /// <summary>Returns once the asynchronous <paramref name="condition"/> holds; fails the test if it never does.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        using var cts = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            if (cts.IsCancellationRequested) Assert.Fail($"Still not true after {Deadline.TotalSeconds:0} s: {what}");
            await Task.Delay(20);
        }
    }
}
