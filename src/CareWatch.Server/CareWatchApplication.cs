using CareWatch.Gateway;
using CareWatch.Gateway.Ingestion;
using CareWatch.Monitoring;
using CareWatch.Monitoring.CheckIn;
using CareWatch.Monitoring.Lifecycle;
using CareWatch.Server.Accounts;
using CareWatch.Server.Adapters;
using CareWatch.Server.Administration;
using CareWatch.Server.Apis;
using CareWatch.Server.Audit;
using CareWatch.Server.Extensions;
using CareWatch.Server.Hubs;

namespace CareWatch.Server;

/// <summary>The composition root, shared by Program.cs and the end-to-end tests.</summary>
public static class CareWatchApplication
{
    /// <summary>Builds the whole single-node server from command-line arguments and configuration.</summary>
    /// <param name="args">Command-line arguments (<c>--Section:Key=value</c>).</param>
    /// <param name="configureTestServices">
    /// Tests only: runs after every production registration, so a test can add an observer (for example one
    /// that tells it when the monitors have seen a message) or replace a service, in the one real host.
    /// </param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureTestServices = null)
    {
        // The content root is the build output (wwwroot and appsettings.json are copied there), so the
        // server finds its board and settings whatever the current directory is.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // The pages are compiled into this assembly; naming it finds them when a test process is the entry point.
            ApplicationName = typeof(CareWatchApplication).Assembly.GetName().Name,
        });
        // The gateway disconnects its watches first, so a stop takes seconds; the timeout only cuts off a part that
        // hangs (a frozen database), so that the process is gone within 10 s. --shutdownTimeoutSeconds=N overrides.
        if (builder.Configuration["shutdownTimeoutSeconds"] is null)
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        builder.AddCareWatchHttp();
        builder.AddCareWatchAuthorization();
        builder.AddCareWatchStorage();
        builder.AddCareWatchDataProtection();
        builder.AddCareWatchIdentity();
        builder.AddCareWatchLocalization();
        builder.AddCareWatchPages();
        builder.AddCareWatchOrleans();
        builder.Services.AddSeniorMonitoring();
        builder.Services.AddStaffActions();
        builder.Services.AddSingleton<IAuditTrail, AuditTrail>();
        builder.Services.AddBureauAdministration();
        builder.AddDeviceGateway();
        builder.Services.AddSingleton<ITelemetryObserver, MonitorTelemetryObserver>(); // the gateway's port, adapted
        builder.Services.AddSingleton<IWatchPrompt, DirectMethodWatchPrompt>(); // the check-in's port, over direct methods
        builder.AddCareWatchNotifications();
        builder.Services.AddSeniorsBoard();
        builder.AddCareWatchHealthChecks();
        builder.AddCareWatchMetrics();
        builder.AddCareWatchTracing();
        builder.AddCareWatchDemoSeed();
        builder.Services.AddOpenApi();
        configureTestServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseCareWatchHttp(); // errors as problems, security headers, HSTS, HTTPS, cross-origin guard
        // Scripts, styles and icons hold no data: served to anyone, before authentication. Everything after
        // this line is behind authentication and the endpoint's authorisation policy.
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors(); // closed unless Http:CorsOrigins lists origins
        app.UseAuthentication();
        app.UseRequestLocalization(); // after authentication: the person's remembered language is a claim
        app.UseAuthorization();
        app.UseMiddleware<CookieApiAntiforgery>();
        app.UseRateLimiter(); // after authentication, so "api" counts per signed-in user
        app.MapRazorPages();
        // The OpenAPI document holds no data, but it maps the attack surface: anonymous only in Development (local
        // tooling and client generation); elsewhere it falls to the fallback policy, so any signed-in account or
        // API key reads it (integrations generate clients from it).
        var openApi = app.MapOpenApi();
        if (app.Environment.IsDevelopment()) openApi.AllowAnonymous();
        app.MapHealthApi();
        app.MapMetricsApi(); // admin only
        app.MapSeniorsApi().RequireAuthorization(CareWatchPolicies.SeniorData);
        app.MapSeniorActivityApi().RequireAuthorization(CareWatchPolicies.SeniorData);
        app.MapSeniorAlertHistoryApi().RequireAuthorization(CareWatchPolicies.SeniorData);
        app.MapSeniorStatesApi().RequireAuthorization(CareWatchPolicies.BureauData);
        app.MapDevicesApi().RequireAuthorization(CareWatchPolicies.BureauData);
        app.MapDeviceTwinApi().RequireAuthorization(CareWatchPolicies.BureauData);
        app.MapDeviceChangesApi().RequireAuthorization(CareWatchPolicies.BureauManage);
        app.MapDeviceCloudApi().RequireAuthorization(CareWatchPolicies.BureauManage);
        app.MapAlertsApi().RequireAuthorization(CareWatchPolicies.SeniorData);
        app.MapAlertCommandsApi().RequireAuthorization(CareWatchPolicies.BureauStaff);
        app.MapBureauStaffApi().RequireAuthorization(CareWatchPolicies.BureauStaff);
        app.MapReportsApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapMyNotificationsApi().RequireAuthorization(CareWatchPolicies.BureauStaff);
        app.MapInsightsApi().RequireAuthorization(CareWatchPolicies.BureauData);
        app.MapModelsApi().RequireAuthorization(CareWatchPolicies.Admin);
        app.MapApiKeysApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapAuditApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapPrivacyApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapConsentsApi().RequireAuthorization(CareWatchPolicies.BureauData);
        app.MapCheckInSettingsApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapEscalationApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapShiftsApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapContactsApi().RequireAuthorization(CareWatchPolicies.BureauManage);
        app.MapWebhooksApi().RequireAuthorization(CareWatchPolicies.BureauSupervise);
        app.MapDeadLettersApi().RequireAuthorization(CareWatchPolicies.BureauSuperviseOrAdmin);
        app.MapHub<AlertsHub>(AlertsHub.Path).RequireAuthorization(CareWatchPolicies.SeniorData);
        app.MapDeviceGateway();
        app.RequireRateLimitingUnder("/api", RateLimits.Api); // last: it covers every /api endpoint mapped above
        return app;
    }
}
