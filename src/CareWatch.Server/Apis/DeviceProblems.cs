using Microsoft.AspNetCore.Http.HttpResults;

namespace CareWatch.Server.Apis;

/// <summary>The ProblemDetails answers the device endpoints share.</summary>
internal static class DeviceProblems
{
    // TypedResults.Problem, not NotFound(ProblemDetails): only the former answers application/problem+json.
    public static ProblemHttpResult NotFound(string deviceId) =>
        TypedResults.Problem(statusCode: 404, title: "Device not found", detail: $"No watch with id '{deviceId}'.");

    public static ProblemHttpResult Offline(string deviceId) =>
        TypedResults.Problem(statusCode: 409, title: "Device not online",
            detail: $"Watch '{deviceId}' is not connected or not subscribed to this kind of message.");

    public static ProblemHttpResult Exists(string deviceId) =>
        TypedResults.Problem(statusCode: 409, title: "Device exists", detail: $"A watch with id '{deviceId}' already exists.");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
