namespace CareWatch.Storage.Escalation;

/// <summary>
/// What makes a chain valid, beyond what the table's checks hold: positions 1..n without gaps, delays that never go
/// back in time, and a first step at 0 s. The first step runs when the alert opens because opening already is the
/// end of the wait (the watch's check-in); a chain that starts later would leave an open alarm with nobody told.
/// </summary>
public static class ChainValidation
{
    /// <summary>The most steps a chain has (the table's position check).</summary>
    public const int MaxSteps = 20;

    /// <summary>The latest a step may run, in seconds after the alert opened (one day).</summary>
    public const int MaxAfterSeconds = 86_400;

    /// <summary>The shortest reminder interval after the last step (the table's check).</summary>
    public const int MinReminderSeconds = 30;

    /// <summary>Field errors (API style: <c>steps[i].field</c>), empty when the chain is valid.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<EscalationStep> steps)
    {
        var errors = new Dictionary<string, string[]>();
        if (steps.Count > MaxSteps) errors["steps"] = [$"At most {MaxSteps} steps."];
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var at = $"steps[{i}]";
            if (s.Position != i + 1) errors[at + ".position"] = [$"Positions run 1, 2, 3… in order; expected {i + 1}."];
            if (s.AfterSeconds is < 0 or > MaxAfterSeconds) errors[at + ".afterSeconds"] = [$"0 to {MaxAfterSeconds}."];
            else if (i == 0 && s.AfterSeconds != 0) errors[at + ".afterSeconds"] = ["The first step runs at 0 s."];
            else if (i > 0 && s.AfterSeconds < steps[i - 1].AfterSeconds)
                errors[at + ".afterSeconds"] = ["Not earlier than the step before."];
            if (!ChainRecipients.All.Contains(s.Recipient))
                errors[at + ".recipient"] = [$"One of: {string.Join(", ", ChainRecipients.All)}."];
            if ((s.Recipient == ChainRecipients.Relative) != (s.RelativeOrder is not null))
                errors[at + ".relativeOrder"] = ["Required for recipient relative, and only for it."];
            else if (s.RelativeOrder is < 1 or > MaxSteps) errors[at + ".relativeOrder"] = [$"1 to {MaxSteps}."];
            if ((s.Recipient == ChainRecipients.Webhook) != (s.WebhookId is not null))
                errors[at + ".webhookId"] = ["Required for recipient webhook, and only for it."];
        }
        return errors;
    }
}
