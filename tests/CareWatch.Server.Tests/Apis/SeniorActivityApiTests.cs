using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareWatch.Server.Tests.Support;

namespace CareWatch.Server.Tests.Apis;

/// <summary>The senior page's movement endpoints in the real server: days on the senior's clock, validation.</summary>
public sealed class SeniorActivityApiTests : ServerTest
{
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public async Task Day_SeniorInShanghai_ReturnsTheMinutesOfTheirLocalDayOneReadingPerMinute()
    {
        var senior = await Arrange.SeniorAsync(Server, "Wang Fang", Shanghai);
        var day = ArrangeMinutes.Today(Shanghai).AddDays(-2);
        var midnight = ArrangeMinutes.Utc(day, 0, 0, Shanghai); // 16:00 UTC the day before
        await ArrangeMinutes.AddAsync(Server, senior.Id, midnight.AddMinutes(-1), 3, movement: 50);
        // A spare watch on the table in the same minutes: the worn reading wins, one minute per minute.
        await ArrangeMinutes.AddAsync(Server, senior.Id, midnight, 2, movement: 900, worn: false, deviceId: "spare");
        var end = ArrangeMinutes.Utc(day.AddDays(1), 0, 0, Shanghai);
        await ArrangeMinutes.AddAsync(Server, senior.Id, end.AddMinutes(-1), 2, movement: 70);

        var body = await Server.Http.GetFromJsonAsync<JsonElement>(
            $"api/seniors/{senior.Id}/activity?date={day:yyyy-MM-dd}");

        var minutes = body.GetProperty("minutes").EnumerateArray().ToList();
        Assert.Equal((midnight, end, Shanghai), (body.GetProperty("from").GetDateTime().ToUniversalTime(),
            body.GetProperty("to").GetDateTime().ToUniversalTime(), body.GetProperty("timeZone").GetString()));
        Assert.Equal([midnight, midnight.AddMinutes(1), end.AddMinutes(-1)],
            minutes.Select(m => m.GetProperty("at").GetDateTime().ToUniversalTime()));
        Assert.Equal([50, 50, 70], minutes.Select(m => m.GetProperty("movement").GetInt32()));
        Assert.All(minutes, m => Assert.True(m.GetProperty("worn").GetBoolean()));
        Assert.Equal(30, body.GetProperty("stillCeiling").GetDouble()); // the fixed rule's line: no model trained
    }

    [Fact]
    public async Task Days_LastFourteen_SummedUpOnTheSeniorsClockOldestFirst()
    {
        var senior = await Arrange.SeniorAsync(Server, "Li Na", Shanghai);
        var day = ArrangeMinutes.Today(Shanghai).AddDays(-2);
        // 00:30–01:00 local still (after 16:00 UTC: a UTC day would count it for the day before), 01:00–01:20 active.
        await ArrangeMinutes.AddAsync(Server, senior.Id, ArrangeMinutes.Utc(day, 0, 30, Shanghai), 30, movement: 0);
        await ArrangeMinutes.AddAsync(Server, senior.Id, ArrangeMinutes.Utc(day, 1, 0, Shanghai), 20, movement: 200);

        var body = await Server.Http.GetFromJsonAsync<JsonElement>($"api/seniors/{senior.Id}/activity/days");

        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(14, days.Count);
        var dates = days.Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.Order(), dates);
        var arranged = days.Single(d => d.GetProperty("date").GetString() == $"{day:yyyy-MM-dd}");
        Assert.Equal((50, 20, 30), (arranged.GetProperty("wornMinutes").GetInt32(),
            arranged.GetProperty("activeMinutes").GetInt32(), arranged.GetProperty("longestStillMinutes").GetInt32()));
        Assert.Equal(50, days.Sum(d => d.GetProperty("wornMinutes").GetInt32()));
    }

    [Theory]
    [InlineData("activity?date=2026-13-01", "date")]
    [InlineData("activity?date=yesterday", "date")]
    [InlineData("activity?date=2999-01-01", "date")]
    [InlineData("activity/days?days=0", "days")]
    [InlineData("activity/days?days=63", "days")]
    [InlineData("activity/days?days=ten", "days")]
    [InlineData("alerts?limit=0", "limit")]
    [InlineData("alerts?limit=101", "limit")]
    [InlineData("alerts?before=-3", "before")]
    public async Task Parameters_Invalid_400NamingTheField(string query, string field)
    {
        var senior = await Arrange.SeniorAsync(Server, "Zhao Min", Shanghai);

        using var response = await Server.Http.GetAsync($"api/seniors/{senior.Id}/{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("activity")]
    [InlineData("activity/days")]
    [InlineData("normal-stillness")]
    [InlineData("alerts")]
    public async Task Routes_OtherBureausStaffAndAnotherSeniorsRelative_404WhileTheirOwnRelativeReads(string route)
    {
        var senior = await Arrange.SeniorAsync(Server, "Sun Li", Shanghai);
        var sibling = await Arrange.SeniorAsync(Server, "Sun Wei", Shanghai);
        var foreign = await Arrange.SeniorInNewBureauAsync(Server, "Bai Yun");
        await ArrangeMinutes.AddAsync(Server, senior.Id, DateTime.UtcNow.Date.AddDays(-1), 5, movement: 40);

        var url = $"api/seniors/{senior.Id}/{route}";
        using var otherStaff = await Server.ClientAs("staff", foreign.BureauId).GetAsync(url);
        using var otherRelative = await Server.ClientAs("relative", seniorId: sibling.Id).GetAsync(url);
        using var ownRelative = await Server.ClientAs("relative", seniorId: senior.Id).GetAsync(url);
        using var staff = await Server.ClientAs("staff", senior.BureauId).GetAsync(url);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            (otherStaff.StatusCode, otherRelative.StatusCode, ownRelative.StatusCode, staff.StatusCode));
        Assert.DoesNotContain("Sun Li", await otherStaff.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NormalStillness_StillForTwentyMinutesUnderTheFixedRule_ShowsTheRulesLimitAndTheCurrentPeriod()
    {
        var senior = await Arrange.SeniorAsync(Server, "Zhou Hui", Shanghai);
        var since = Arrange.MinutesAgo(20);
        await ArrangeMinutes.AddAsync(Server, senior.Id, since.AddMinutes(-10), 10, movement: 300);
        await ArrangeMinutes.AddAsync(Server, senior.Id, since, 20, movement: 2);

        var body = await Server.Http.GetFromJsonAsync<JsonElement>($"api/seniors/{senior.Id}/normal-stillness");

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Shanghai));
        var limit = local.Hour is >= 8 and < 22 ? 120 : 600; // MonitorOptions: 2 h by day, 10 h by night
        Assert.Equal(("fixed-rule", limit, JsonValueKind.Null), (body.GetProperty("rule").GetString(),
            body.GetProperty("alertAfterMinutes").GetInt32(), body.GetProperty("modelVersion").ValueKind));
        Assert.Equal(since, body.GetProperty("stillSince").GetDateTime().ToUniversalTime());
        Assert.Equal(20, body.GetProperty("stillForMinutes").GetInt32());
        Assert.Equal("fixed-rule", body.GetProperty("currentRule").GetString());
        Assert.True(body.GetProperty("currentLimitMinutes").GetInt32() is 120 or 600);
    }
}
