using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>
/// Refuses to start in the Production environment with demo settings (Demo:Seed=true, demo users, passwords or
/// keys under <c>Demo:</c>): they are published in this repository, so a production server with them is open to
/// anyone who read it. The demo scripts run in the environment "Demo", the tests in "Test".
/// </summary>
public static class ProductionGuard
{
    /// <summary>Registers the check; it runs with the other option validations when the host starts.</summary>
    public static WebApplicationBuilder AddCareWatchProductionGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ProductionGuardOptions>, DemoSettingsCheck>();
        builder.Services.AddOptions<ProductionGuardOptions>().ValidateOnStart();
        return builder;
    }

    /// <summary>The demo keys that are set (names only: their values may be passwords).</summary>
    public static List<string> DemoSettings(IConfiguration config) =>
        config.GetSection("Demo").AsEnumerable()
            .Where(e => !string.IsNullOrWhiteSpace(e.Value)
                && !bool.FalseString.Equals(e.Value, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
}

/// <summary>Nothing to bind: the options the production guard validates, so it runs at start.</summary>
public sealed class ProductionGuardOptions;

internal sealed class DemoSettingsCheck(IHostEnvironment environment, IConfiguration config)
    : IValidateOptions<ProductionGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, ProductionGuardOptions options)
    {
        if (!environment.IsProduction()) return ValidateOptionsResult.Success;
        var demo = ProductionGuard.DemoSettings(config);
        return demo.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "CareWatch refuses to start in the Production environment with demo settings " +
                $"({string.Join(", ", demo)}): demo users, passwords and keys are public. " +
                "Remove them, or run the demo with ASPNETCORE_ENVIRONMENT=Demo.");
    }
}
