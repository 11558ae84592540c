using CareWatch.Storage.Contacts;

namespace CareWatch.Storage.Tests.Contacts;

public sealed class ContactInputTests
{
    private static readonly ContactInput Valid = new("Anna", "daughter", "de", "anna@example.org", null, 1, ["email"],
        new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Theory]
    [InlineData(null, "daughter", "de", "a@b.org", null, 1, "email", "name")]
    [InlineData("A", "daughter", "fr", "a@b.org", null, 1, "email", "language")]
    [InlineData("A", "daughter", "de", "not an address", null, 1, "email", "email")]
    [InlineData("A", "daughter", "de", null, null, 1, "email", "email")]
    [InlineData("A", "daughter", "de", null, null, 1, "webhook", "phone")]
    [InlineData("A", "daughter", "de", null, "12ab", 1, "webhook", "phone")]
    [InlineData("A", "daughter", "de", "a@b.org", null, 0, "email", "chainOrder")]
    [InlineData("A", "daughter", "de", "a@b.org", null, 1, "signalr", "channels")]
    [InlineData("A", "", "de", "a@b.org", null, 1, "email", "relation")]
    public void Validate_BadField_NamesIt(string? name, string relation, string language, string? email, string? phone,
        int order, string channel, string field)
    {
        var errors = new ContactInput(name, relation, language, email, phone, order, [channel], null, null).Validate();

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Validate_HalfQuietHours_IsRefused()
    {
        var errors = (Valid with { QuietUntil = null }).Validate();

        Assert.Equal(["quietUntil"], errors.Keys);
        Assert.Empty(Valid.Validate());
    }
}
