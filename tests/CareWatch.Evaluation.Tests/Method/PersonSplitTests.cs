using CareWatch.Evaluation.Method;

namespace CareWatch.Evaluation.Tests.Method;

public class PersonSplitTests
{
    [Theory]
    [InlineData(13, 7)]
    [InlineData(20, 12)]
    [InlineData(45, 27)]
    [InlineData(8, 7)]
    public void Create_Days_TrainsOnFirstSixtyPercentAtLeastSeven(int days, int expectedTraining)
    {
        var split = PersonSplit.Create(Synthetic.Person(days))!;
        Assert.Equal(expectedTraining, split.TrainingDays.Count);
        Assert.Equal(days - expectedTraining, split.EvaluationDays.Count);
    }

    [Fact]
    public void Create_Any_TrainingAndEvaluationNeverOverlap()
    {
        var split = PersonSplit.Create(Synthetic.Person(20))!;
        var trainDays = split.Training.Select(m => DateOnly.FromDateTime(m.Local)).ToHashSet();
        var evalDays = split.Evaluation.Select(m => DateOnly.FromDateTime(m.Local)).ToHashSet();
        Assert.Empty(trainDays.Intersect(evalDays));
        Assert.True(split.Training.Max(m => m.Utc) < split.Evaluation.Min(m => m.Utc));
        Assert.Equal(split.Minutes.Count, split.Training.Count + split.Evaluation.Count);
    }

    [Fact]
    public void Create_OneDay_ReturnsNull() => Assert.Null(PersonSplit.Create(Synthetic.Person(1)));
}
