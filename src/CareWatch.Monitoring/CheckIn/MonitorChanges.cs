using System.Text.Json;
using CareWatch.Storage;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.CheckIn;

/// <summary>
/// The transitions the monitor and the check-in apply (through <see cref="AlertTransitions.ApplyAsync"/>), built in
/// one place so that each sets the columns the lifecycle's rules ask for (a transition into open sets opened_at,
/// next_step_at and severity_rises_at; a close clears every timer).
/// </summary>
public static class MonitorChanges
{
    /// <summary>The monitor as an actor.</summary>
    public static readonly AlertActor Monitor = AlertActor.System("monitor");

    /// <summary>The check-in sweep as an actor.</summary>
    public static readonly AlertActor Sweep = AlertActor.System("check-in-sweep");

    private static readonly string[] Checking = [AlertStates.Checking];

    /// <summary>"Are you OK?" is shown on the watch (prompt <paramref name="number"/>), waiting until the deadline.</summary>
    public static AlertChange Prompted(AlertActor actor, int number, DateTime deadline) =>
        new AlertChange(AlertEvents.Prompted, actor, Checking) { DetailJson = Detail(new { prompt = number }) }
            .Set("prompt_count", (short)number).Set("prompt_deadline", deadline);

    /// <summary>No watch could show the prompt; the deadline moves to now so the sweep opens it if the next step fails.</summary>
    public static AlertChange WatchUnreachable(AlertActor actor, DateTime at) =>
        new AlertChange(AlertEvents.WatchUnreachable, actor, Checking).Set("prompt_deadline", at);

    /// <summary>Staff are called: into open, with the escalation's first step due now.</summary>
    public static AlertChange Opened(AlertActor actor, string kind, DateTime at, MonitorOptions options, string why) =>
        new AlertChange(AlertEvents.Opened, actor, Checking, AlertStates.Open) { DetailJson = Detail(new { why }) }
            .Set("opened_at", at).Set("next_step_at", at).Set("prompt_deadline", null)
            .Set("severity_rises_at", AlertSeverities.RisesAt(kind, at, options));

    /// <summary>
    /// The senior pressed OK (at <paramref name="okAt"/>) while the watch was asking: closed at <paramref name="at"/>,
    /// nobody called. Kept as a labelled episode for her: the still period (started_at) ended at the OK, unless
    /// movement had ended it before (ended_at), and she was fine (outcome senior-ok): a false alarm of the detector.
    /// </summary>
    public static AlertChange Cancelled(AlertRecord alert, DateTime okAt, DateTime at) =>
        new AlertChange(AlertEvents.Cancelled, AlertActor.Senior, Checking, AlertStates.Cancelled)
            .Set("outcome", AlertOutcomes.SeniorOk).Set("ended_at", alert.EndedAt ?? okAt)
            .Set("closed_at", at).Set("prompt_deadline", null).Set("next_step_at", null).Set("severity_rises_at", null);

    /// <summary>The senior pressed OK after staff were called: recorded for them, nothing else changes.</summary>
    public static AlertChange AnsweredLate() =>
        new(AlertEvents.SeniorAnsweredLate, AlertActor.Senior, [AlertStates.Open, AlertStates.Acknowledged]);

    /// <summary>The condition ended (movement while worn): an event staff see; the alert stays theirs.</summary>
    public static AlertChange ConditionEnded(DateTime endedAt, string reason) =>
        new AlertChange(AlertEvents.ConditionEnded, Monitor, AlertStates.Active) { DetailJson = Detail(new { reason }) }
            .Set("ended_at", endedAt);

    /// <summary>A device-health alert whose state ended closes itself, recorded as auto-resolved (resolved_by null).</summary>
    public static AlertChange AutoResolved(DateTime endedAt, DateTime at, string reason) =>
        new AlertChange(AlertEvents.AutoResolved, Monitor, AlertStates.Active, AlertStates.Resolved)
            { DetailJson = Detail(new { reason }) }
            .Set("outcome", AlertOutcomes.AutoResolved).Set("ended_at", endedAt).Set("closed_at", at)
            .Set("prompt_deadline", null).Set("next_step_at", null).Set("severity_rises_at", null);

    /// <summary>Another detector decides the episode now: its facts replace the old ones.</summary>
    public static AlertChange FactsUpdated(AlertFacts facts) =>
        new AlertChange(AlertEvents.FactsUpdated, Monitor, AlertStates.Active)
            { DetailJson = Detail(new { modelVersion = facts.ModelVersion }) }
            .Set("facts", facts.ToJson()).Set("explanation", AlertExplanation.Inactivity(facts));

    private static string Detail(object detail) => JsonSerializer.Serialize(detail, JsonSerializerOptions.Web);
}
