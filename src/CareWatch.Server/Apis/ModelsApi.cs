using System.Text.Json;
using CareWatch.Monitoring.Training;
using CareWatch.Monitoring.Wellbeing;
using CareWatch.Server.Hubs;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>A model version as the admin API lists it.</summary>
public sealed record ModelView(int Version, DateTime CreatedAt, string Status, int TrainedPeople, double TrainedDays,
    double TrainingSeconds, JsonElement Evaluation, DateTime? PromotedAt);

/// <summary>Admin endpoints for the inactivity model and the wellbeing review.</summary>
public static class ModelsApi
{
    /// <summary>Maps /api/admin/models and /api/admin/wellbeing.</summary>
    public static RouteGroupBuilder MapModelsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapGet("/models", ListAsync).WithName("ListModels").WithSummary("Lists inactivity model versions with their evaluation figures.");
        group.MapPost("/models/train", TrainAsync).WithName("TrainModel")
            .WithSummary("Trains a model from the stored history now; promotes it only if it evaluates no worse than the one in service.");
        group.MapPost("/wellbeing/review", ReviewAsync).WithName("ReviewWellbeing")
            .WithSummary("Compares every senior's recent days with their usual days now and records routine-change insights.");
        return group;
    }

    private static async Task<Ok<List<ModelView>>> ListAsync(DetectionModelStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(m => new ModelView(m.Version, m.CreatedAt, m.Status, m.TrainedPeople,
            m.TrainedDays, m.TrainingSeconds, JsonDocument.Parse(m.EvaluationJson).RootElement, m.PromotedAt)).ToList());

    private static async Task<Results<Ok<TrainingReport>, Conflict<string>>> TrainAsync(ModelTrainingService training, CancellationToken ct)
    {
        try { return TypedResults.Ok(await training.TrainAsync(ct)); }
        catch (NotEnoughHistoryException ex) { return TypedResults.Conflict(ex.Message); }
        catch (InvalidOperationException ex) { return TypedResults.Conflict(ex.Message); }
    }

    private static async Task<Ok<List<InsightView>>> ReviewAsync(WellbeingReview review, CancellationToken ct) =>
        TypedResults.Ok((await review.ReviewAllAsync(ct)).Select(InsightView.From).ToList());
}
