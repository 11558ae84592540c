namespace CareWatch.FirmwareSim.Routine;

/// <summary>
/// A tiny SplitMix64 generator. The routine derives one from (seed, day) or (seed, minute) so that any
/// minute can be generated on its own, in any order, and always comes out the same.
/// </summary>
public struct SeededRandom
{
    private ulong _state;

    /// <summary>Creates a generator from a seed and any number of extra keys (day number, minute, purpose).</summary>
    public SeededRandom(int seed, params ReadOnlySpan<long> keys)
    {
        _state = (ulong)seed ^ 0x9E3779B97F4A7C15UL;
        foreach (var key in keys) _state = Mix(_state ^ (ulong)key);
    }

    /// <summary>A uniform value in [0, 1).</summary>
    public double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform value in [min, max).</summary>
    public double Between(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal value (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal value with the given median; <paramref name="spread"/> is the sigma of the log.</summary>
    public double LogNormal(double median, double spread) => median * Math.Exp(spread * Normal());

    private ulong Next64() => Mix(_state += 0x9E3779B97F4A7C15UL);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
