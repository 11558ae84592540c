using CareWatch.Monitoring.Lifecycle;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Tests.Lifecycle;

public sealed class StaffChangesTests
{
    private static readonly DateTime At = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly AlertActor Staff = AlertActor.User(Person);
    private static readonly (string, string)[] Relative = [(OutboxChannels.Email, "contact:c1")];

    private static AlertRecord Alert(string state, DateTime? openedAt = null, DateTime? acknowledgedAt = null) => new(
        7, Guid.NewGuid(), "Senior", Guid.NewGuid(), "Europe/Berlin", AlertKinds.Sos, state, null, At.AddMinutes(-5),
        null, "SOS pressed.", At.AddMinutes(-5), 3, At, null, null, OpenedAt: openedAt, AcknowledgedAt: acknowledgedAt);

    private static Dictionary<string, object?> Sets(AlertChange change) => change.Sets.ToDictionary(s => s.Column, s => s.Value);

    [Fact]
    public void Acknowledge_OpenAlert_StopsEveryTimerAndTellsTheCalledRelatives()
    {
        var change = StaffChanges.Acknowledge(Alert(AlertStates.Open, openedAt: At.AddMinutes(-1)), Staff, At, Relative);

        var sets = Sets(change);
        Assert.Equal((At, (object?)Person), (sets["acknowledged_at"], sets["acknowledged_by"]));
        Assert.All(new[] { "next_step_at", "severity_rises_at", "prompt_deadline" }, c => Assert.Null(sets[c]));
        Assert.False(sets.ContainsKey("opened_at")); // opened before: response time counts from then
        Assert.Equal(AlertStates.Acknowledged, change.To);
        var message = Assert.Single(change.Outbox);
        Assert.Equal((NotificationKinds.AlertAcknowledged, "contact:c1", "alert:7:alert-acknowledged:email:contact:c1"),
            (message.Kind, message.Recipient, message.IdempotencyKey));
    }

    [Fact]
    public void Acknowledge_WhileChecking_CountsAsOpenedNow()
    {
        var change = StaffChanges.Acknowledge(Alert(AlertStates.Checking), Staff, At, []);

        Assert.Equal(At, Sets(change)["opened_at"]);
        Assert.Contains(AlertStates.Checking, change.From);
        Assert.Empty(change.Outbox);
    }

    [Fact]
    public void Resolve_NeverAcknowledged_TakesItAtTheSameMoment()
    {
        var change = StaffChanges.Resolve(Alert(AlertStates.Open, openedAt: At), Staff, AlertOutcomes.FalseAlarm,
            "Watch on the table.", At, Relative);

        var sets = Sets(change);
        Assert.Equal((AlertOutcomes.FalseAlarm, "Watch on the table.", At), (sets["outcome"], sets["resolution_note"],
            sets["closed_at"]));
        Assert.Equal(((object?)Person, (object?)Person, (object?)At),
            (sets["resolved_by"], sets["acknowledged_by"], sets["acknowledged_at"]));
        Assert.Equal([AlertStates.Open, AlertStates.Acknowledged], change.From);
        Assert.DoesNotContain("Watch on the table.", change.DetailJson);
        Assert.Equal(NotificationKinds.AlertResolved, Assert.Single(change.Outbox).Kind);
    }

    [Fact]
    public void Resolve_AlreadyAcknowledged_KeepsWhoTookIt()
    {
        var change = StaffChanges.Resolve(Alert(AlertStates.Acknowledged, At, At), Staff, AlertOutcomes.SeniorOk, null,
            At.AddMinutes(9), []);

        Assert.False(Sets(change).ContainsKey("acknowledged_by"));
    }

    [Theory]
    [InlineData(null, null, "outcome")]
    [InlineData("auto-resolved", null, "outcome")] // not a person's choice
    [InlineData("senior-ok", 2001, "note")]
    [InlineData("senior-ok", 2000, null)]
    public void InvalidResolution_OutcomeAndNote_AreChecked(string? outcome, int? noteLength, string? field) =>
        Assert.Equal(field, StaffChanges.InvalidResolution(outcome, noteLength is { } n ? new string('x', n) : null)?.Field);

    [Fact]
    public void CommentAndAssign_KeepTheirFactsInTheEvent()
    {
        var assignee = Guid.NewGuid();

        Assert.Contains("\"text\":\"On my way\"", StaffChanges.Comment(Staff, "On my way").DetailJson);
        Assert.Null(StaffChanges.Comment(Staff, "x").To);
        Assert.Contains(AlertStates.Resolved, StaffChanges.Comment(Staff, "x").From);
        Assert.Equal(assignee, Sets(StaffChanges.Assign(Staff, assignee))["assigned_to"]);
        Assert.Null(Sets(StaffChanges.Assign(Staff, null))["assigned_to"]);
        Assert.Equal("text", StaffChanges.InvalidComment("  ")?.Field);
    }
}
