using CareWatch.Storage.Escalation;

namespace CareWatch.Storage.Tests.Escalation;

public sealed class ChainValidationTests
{
    private static readonly Guid Hook = Guid.NewGuid();

    [Fact]
    public void Validate_OrderedChainFromZero_NoErrors()
    {
        EscalationStep[] chain =
        [
            new(1, 0, ChainRecipients.Relative, RelativeOrder: 1),
            new(2, 120, ChainRecipients.OnDutyStaff),
            new(3, 120, ChainRecipients.Webhook, WebhookId: Hook),
            new(4, 600, ChainRecipients.AllRelatives),
        ];

        Assert.Empty(ChainValidation.Validate(chain));
        Assert.Empty(ChainValidation.Validate([]));
    }

    [Fact]
    public void Validate_FirstStepLater_IsRefused()
    {
        var errors = ChainValidation.Validate([new EscalationStep(1, 30, ChainRecipients.OnDutyStaff)]);

        Assert.Equal(["steps[0].afterSeconds"], errors.Keys);
    }

    [Fact]
    public void Validate_GapsBackwardsAndOutOfRange_NameEachField()
    {
        EscalationStep[] chain =
        [
            new(1, 0, ChainRecipients.OnDutyStaff),
            new(3, 300, ChainRecipients.Supervisors),
            new(3, 200, ChainRecipients.Supervisors),
            new(4, 90_000, ChainRecipients.Supervisors),
        ];

        var errors = ChainValidation.Validate(chain);

        Assert.Equal(["steps[1].position", "steps[2].afterSeconds", "steps[3].afterSeconds"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_RecipientDetailsMissingOrMisplaced_AreRefused()
    {
        EscalationStep[] chain =
        [
            new(1, 0, ChainRecipients.Relative),
            new(2, 10, ChainRecipients.Webhook),
            new(3, 20, ChainRecipients.OnDutyStaff, RelativeOrder: 2, WebhookId: Hook),
            new(4, 30, "neighbours"),
            new(5, 40, ChainRecipients.Relative, RelativeOrder: 21),
        ];

        var errors = ChainValidation.Validate(chain);

        Assert.Equal([
            "steps[0].relativeOrder", "steps[1].webhookId", "steps[2].relativeOrder", "steps[2].webhookId",
            "steps[3].recipient", "steps[4].relativeOrder",
        ], errors.Keys.Order());
    }

    [Fact]
    public void Validate_MoreThanTwentySteps_IsRefused()
    {
        var chain = Enumerable.Range(1, 21).Select(i => new EscalationStep(i, i == 1 ? 0 : i, ChainRecipients.Supervisors)).ToList();

        Assert.Contains("steps", ChainValidation.Validate(chain).Keys);
    }
}
