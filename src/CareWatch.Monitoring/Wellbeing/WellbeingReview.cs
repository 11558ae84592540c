using System.Text.Json;
using CareWatch.Detection;
using CareWatch.Detection.Wellbeing;
using CareWatch.Storage;
using Microsoft.Extensions.Logging;

namespace CareWatch.Monitoring.Wellbeing;

/// <summary>
/// Looks at every senior's recent days against their usual days (RandomizedPca routine model) and records
/// a "routine changed" insight — lower severity than an alert: something to look into, not an emergency.
/// </summary>
public sealed class WellbeingReview(
    SeniorHistories histories, InsightStore insights, IEnumerable<IInsightNotifier> notifiers, TimeProvider time, ILogger<WellbeingReview> logger)
{
    /// <summary>The insight kind stored.</summary>
    public const string Kind = "routine-drift";

    /// <summary>Recent days compared with the usual ones.</summary>
    public const int RecentDays = 4;

    /// <summary>Reviews every senior; returns the insights added.</summary>
    public async Task<IReadOnlyList<InsightRecord>> ReviewAllAsync(CancellationToken ct)
    {
        var added = new List<InsightRecord>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var person in await histories.SinceAsync(now.AddDays(-35), ct))
        {
            var seniorId = Guid.Parse(person.PersonId);
            var minutes = person.Minutes;
            var still = StillDefinition.Learn(minutes, StillDefinition.Default);
            var days = DailyProfile.FromHistory(minutes, still);
            if (days.Count < RoutineDriftModel.MinimumBaselineDays + RecentDays) continue;
            var usual = days.Take(days.Count - RecentDays).ToList();
            var recent = days.TakeLast(RecentDays).ToList();
            var assessment = RoutineDriftModel.Train(usual)!.Assess(recent);
            if (!assessment.Drifted) continue;

            var summary = "Routine changed: " + string.Join(" ", assessment.Changes);
            // The facts let each page word the change in its reader's language; the summary is the English for the API.
            var facts = assessment.Facts.Select(f => new { kind = f.Kind, recent = f.Recent, usual = f.Usual, days = f.Days });
            var details = JsonSerializer.Serialize(new
            {
                assessment.UnusualDays, recentDays = RecentDays, usualDays = usual.Count, assessment.Changes, facts,
            });
            if (await insights.AddIfNoneOpenAsync(seniorId, Kind, now, summary, details, ct) is { } insight)
            {
                logger.LogInformation("Wellbeing insight {InsightId} for senior {SeniorId}", insight.Id, seniorId);
                added.Add(insight);
                foreach (var n in notifiers) await n.InsightAddedAsync(insight, ct);
            }
        }
        return added;
    }
}
