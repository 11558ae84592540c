namespace CareWatch.Gateway.Tests.Support;

/// <summary>Waits for state that the gateway updates asynchronously (disconnect events); no timing is asserted.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (cts.IsCancellationRequested) Assert.Fail($"Still not true after 15 s: {what}");
            await Task.Delay(20);
        }
    }
}
