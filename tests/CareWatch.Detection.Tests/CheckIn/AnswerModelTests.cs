using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Tests.CheckIn;

public sealed class AnswerModelTests
{
    private static readonly AnswerModel Model = AnswerModel.Default;

    [Theory]
    [InlineData(true, 0.9, 0.96)]   // first prompt 0.9; with the second 0.9 + 0.1 × 0.6
    [InlineData(false, 0.7, 0.82)]  // at night 0.7; with the second 0.7 + 0.3 × 0.4
    public void Draw_ManySeededDraws_AnswerAsOftenAsTheModelSays(bool day, double first, double either)
    {
        var random = new Random(7);
        var draws = Enumerable.Range(0, 20_000).Select(_ => Model.Draw(day, random)).ToList();

        Assert.InRange(draws.Count(d => d?.Prompt == 1) / 20_000.0, first - 0.01, first + 0.01);
        Assert.InRange(draws.Count(d => d is not null) / 20_000.0, either - 0.01, either + 0.01);
    }

    [Fact]
    public void Draw_Answers_FallInsideTheirPromptsWindow()
    {
        var random = new Random(3);
        var answers = Enumerable.Range(0, 5_000).Select(_ => Model.Draw(day: false, random)).OfType<CheckInAnswer>().ToList();

        Assert.All(answers.Where(a => a.Prompt == 1), a => Assert.InRange(a.After, TimeSpan.Zero, Model.Window));
        Assert.All(answers.Where(a => a.Prompt == 2), a => Assert.InRange(a.After, Model.SecondPromptAfter, Model.StaffAfter));
        Assert.Contains(answers, a => a.Prompt == 2);
    }

    [Fact]
    public void StaffAfter_Default_IsTheSecondPromptsWindowEnd() =>
        Assert.Equal(TimeSpan.FromMinutes(7), Model.StaffAfter);

    [Fact]
    public void Draw_SameSeed_SameAnswers()
    {
        var (a, b) = (new Random(11), new Random(11));
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => Model.Draw(true, a)), Enumerable.Range(0, 100).Select(_ => Model.Draw(true, b)));
    }

    [Theory]
    [InlineData(1.2, 2)]
    [InlineData(-0.1, 2)]
    [InlineData(0.9, 1)] // second prompt inside the first window
    public void Validated_ImpossibleModel_Throws(double firstDay, int secondAfterMinutes) =>
        Assert.ThrowsAny<ArgumentException>(() =>
            (Model with { FirstDay = firstDay, SecondPromptAfter = TimeSpan.FromMinutes(secondAfterMinutes) }).Validated());
}
