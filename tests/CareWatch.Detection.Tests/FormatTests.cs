namespace CareWatch.Detection.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0.003, "0.003")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(3e-5, "3e-5")]
    [InlineData(1e-12, "1e-12")]
    [InlineData(0, "0")]
    public void Alpha_SmallAndOrdinaryValues_NeverRoundedAway(double alpha, string expected) =>
        Assert.Equal(expected, Format.Alpha(alpha));
}
