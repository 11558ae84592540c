using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareWatch.Server.Apis;

/// <summary>The ProblemDetails answers the device endpoints share.</summary>
internal static class DeviceProblems
{
    public static NotFound<ProblemDetails> NotFound(string deviceId) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Device not found", Detail = $"No watch with id '{deviceId}'." });

    public static Conflict<ProblemDetails> Offline(string deviceId) =>
        TypedResults.Conflict(new ProblemDetails
        {
            Status = 409, Title = "Device not online",
            Detail = $"Watch '{deviceId}' is not connected or not subscribed to this kind of message.",
        });

    public static Conflict<ProblemDetails> Exists(string deviceId) =>
        TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Device exists", Detail = $"A watch with id '{deviceId}' already exists." });

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
