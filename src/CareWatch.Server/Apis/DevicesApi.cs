using System.Text.RegularExpressions;
using CareWatch.Gateway;
using CareWatch.Protocol;
using CareWatch.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareWatch.Server.Apis;

/// <summary>Body of POST /api/devices.</summary>
/// <param name="SeniorId">The senior who will wear the watch.</param>
/// <param name="DeviceId">Optional id; one is generated when absent.</param>
public sealed record CreateDeviceRequest(Guid? SeniorId, string? DeviceId);

/// <summary>A new watch identity and the connection string to flash into it.</summary>
public sealed record CreatedDevice(string DeviceId, Guid? SeniorId, string ConnectionString);

/// <summary>The device registry's REST API.</summary>
public static partial class DevicesApi
{
    /// <summary>Maps the device endpoints.</summary>
    public static WebApplication MapDevicesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices");
        group.MapPost("/", CreateAsync).WithName("CreateDevice")
            .WithSummary("Creates a watch identity bound to a senior and returns its IoT Hub–style connection string.");
        return app;
    }

    private static async Task<Results<Created<CreatedDevice>, ValidationProblem, Conflict<ProblemDetailsLike>>> CreateAsync(
        CreateDeviceRequest request, DeviceRegistry registry, SeniorDirectory seniors, IOptions<GatewayOptions> gateway,
        CancellationToken ct)
    {
        var deviceId = string.IsNullOrWhiteSpace(request.DeviceId) ? "watch-" + Guid.NewGuid().ToString("N")[..12] : request.DeviceId;
        var errors = new Dictionary<string, string[]>();
        if (!DeviceIdPattern().IsMatch(deviceId))
            errors["deviceId"] = ["1–128 characters: letters, digits and - . _ : only."];
        if (request.SeniorId is null)
            errors["seniorId"] = ["Required."];
        else if (await seniors.FindSeniorAsync(request.SeniorId.Value, ct) is null)
            errors["seniorId"] = ["No such senior."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        try
        {
            var device = await registry.CreateAsync(deviceId, request.SeniorId, ct);
            var connection = new DeviceConnectionString(gateway.Value.HostName, device.DeviceId, device.PrimaryKey);
            return TypedResults.Created($"/api/devices/{Uri.EscapeDataString(deviceId)}",
                new CreatedDevice(device.DeviceId, device.SeniorId, connection.ToString()));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Conflict(new ProblemDetailsLike("Device exists", $"A watch with id '{deviceId}' already exists."));
        }
    }

    /// <summary>A minimal problem body for conflicts.</summary>
    public sealed record ProblemDetailsLike(string Title, string Detail);

    // IoT Hub allows a few more symbols; these are the ones that are safe in topics, URLs and logs.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex DeviceIdPattern();
}
