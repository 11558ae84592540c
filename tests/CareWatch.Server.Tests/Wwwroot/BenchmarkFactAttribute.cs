namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>
/// A benchmark, not a test: skipped unless CAREWATCH_BENCH names it (ops/bench.sh sets it), so the suite stays quick
/// and its figures come from a deliberate run.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    /// <summary>Runs only when CAREWATCH_BENCH is <paramref name="name"/>.</summary>
    public BenchmarkFactAttribute(string name)
    {
        if (Environment.GetEnvironmentVariable("CAREWATCH_BENCH") != name) Skip = $"a benchmark: ops/bench.sh {name}";
    }
}
