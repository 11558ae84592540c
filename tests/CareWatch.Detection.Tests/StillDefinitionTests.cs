namespace CareWatch.Detection.Tests;

public sealed class StillDefinitionTests
{
    [Fact]
    public void Learn_DeviceWithTenfoldScale_ScalesCeilingAndKeepsClassification()
    {
        var person = SyntheticPeople.Person("a", days: 3, seed: 1);
        var louder = SyntheticPeople.Person("a", days: 3, seed: 1, scale: 10);

        var quiet = StillDefinition.Learn(person.Minutes, StillDefinition.Default);
        var loud = StillDefinition.Learn(louder.Minutes, StillDefinition.Default);

        Assert.Equal(quiet.Ceiling * 10, loud.Ceiling, precision: 0);
        Assert.Equal(person.Minutes.Count(m => quiet.IsStill(m)), louder.Minutes.Count(m => loud.IsStill(m)));
    }

    [Fact]
    public void Learn_TooLittleData_UsesFallback()
    {
        var person = SyntheticPeople.Person("a", days: 1, seed: 1);
        var fallback = new StillDefinition(0, 100, 12);

        Assert.Same(fallback, StillDefinition.Learn(person.Minutes.Take(100), fallback));
    }

    [Fact]
    public void IsStill_NotWorn_IsNeverStill()
    {
        var definition = new StillDefinition(0, 100, 10);

        Assert.False(definition.IsStill(new ActivityMinute(SyntheticPeople.Start, SyntheticPeople.Start, 0, Worn: false)));
        Assert.True(definition.IsStill(new ActivityMinute(SyntheticPeople.Start, SyntheticPeople.Start, 0, Worn: true)));
    }
}
