using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareWatch.Evaluation.Reporting;

/// <summary>The summary figures as JSON, for CI trends and for model promotion (a model that evaluates worse is not promoted).</summary>
public static class JsonSummary
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serialises the run.</summary>
    public static string Write(IReadOnlyList<CohortSummary> cohorts, RunInfo run) => JsonSerializer.Serialize(new
    {
        seed = run.Seed,
        command = run.Command,
        revision = run.Revision,
        emergenciesPerDay = run.EmergenciesPerDay,
        quick = run.Quick,
        elapsedSeconds = Math.Round(run.Elapsed.TotalSeconds, 1),
        skippedRows = run.BadRows.Count,
        answerModel = CareWatch.Detection.CheckIn.AnswerModel.Default,
        recommended = Metrics.TwoStageTargets.RecommendAcross(cohorts.Select(c => c.Detectors).ToList()),
        cohorts = cohorts.Select(c => new
        {
            name = c.Result.Name,
            source = c.Result.Source,
            people = c.Result.People.Count,
            evaluationDays = c.EvaluationDays,
            emergencies = c.Emergencies,
            notWornMinutes = c.Result.NotWornByHour.Sum(),
            notWornByHour = c.Result.NotWornByHour,
            modelTrainingSeconds = c.Result.ModelTraining?.TotalSeconds,
            detectors = c.Detectors.Select(d => new
            {
                name = d.Name,
                kind = d.Kind,
                falseAlarms = d.FalseAlarms,
                personMonths = Math.Round(d.PersonMonths, 3),
                falseAlarmsPerPersonMonth = Math.Round(d.FalseAlarmsPerPersonMonth, 4),
                dayMedianMinutes = d.Day.MedianMinutes,
                dayP90Minutes = d.Day.P90Minutes,
                nightMedianMinutes = d.Night.MedianMinutes,
                nightP90Minutes = d.Night.P90Minutes,
                dayEmergencies = d.Day.Count,
                nightEmergencies = d.Night.Count,
                missed = d.Day.Missed + d.Night.Missed,
                missRate = Math.Round(d.MissRate, 4),
                microsecondsPerObserve = Math.Round(d.MicrosecondsPerObserve, 4),
                microsecondsPerCreate = Math.Round(d.MicrosecondsPerCreate, 1),
                twoStage = new
                {
                    dayPromptsPerPersonDay = Math.Round(d.TwoStage.DayPromptsPerPersonDay, 4),
                    nightPromptsPerPersonMonth = Math.Round(d.TwoStage.NightPromptsPerPersonMonth, 3),
                    staffFalseAlarms = d.TwoStage.StaffFalseAlarms,
                    staffFalseAlarmsPerPersonMonth = Math.Round(d.TwoStage.StaffFalseAlarmsPerPersonMonth, 4),
                    dayMedianToStaffMinutes = d.TwoStage.Day.MedianMinutes,
                    dayP90ToStaffMinutes = d.TwoStage.Day.P90Minutes,
                    nightMedianToStaffMinutes = d.TwoStage.Night.MedianMinutes,
                    nightP90ToStaffMinutes = d.TwoStage.Night.P90Minutes,
                    missed = d.TwoStage.Day.Missed + d.TwoStage.Night.Missed,
                    sweep = d.TwoStage.Sweep.Select(p => new
                    {
                        answers = p.Answers.Name,
                        staffFalseAlarmsPerPersonMonth = Math.Round(p.StaffFalseAlarmsPerPersonMonth, 4),
                        dayPromptsPerPersonDay = Math.Round(p.DayPromptsPerPersonDay, 4),
                        nightPromptsPerPersonMonth = Math.Round(p.NightPromptsPerPersonMonth, 3),
                    }),
                },
            }),
            targets = c.Targets.Select(t => new { target = t.Text, met = t.Met, evidence = t.Evidence }),
            twoStageTargets = c.TwoStageTargets.Select(t => new { target = t.Text, met = t.Met, evidence = t.Evidence }),
            closest = c.Recommended?.Name,
        }),
    }, Options);
}
