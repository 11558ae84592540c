using CareWatch.Monitoring.Privacy;
using CareWatch.Monitoring.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareWatch.Monitoring.Tests.Privacy;

/// <summary>Retention is validated on start: within its range, and never shorter than what the detector reads.</summary>
public sealed class PrivacyOptionsTests
{
    [Theory]
    [InlineData(null, null, true)]            // defaults: 90 days, monitor 30
    [InlineData("40.00:00:00", null, true)]   // above the monitor's 30 days and the wellbeing review's 35
    [InlineData("30.00:00:00", null, false)]  // below the range
    [InlineData("60.00:00:00", "80", false)]  // the monitor personalises on 80 days
    [InlineData("81.00:00:00", "80", true)]
    public void Validate_RetentionAgainstHistory_AcceptedOnlyWhenLongEnough(string? retention, string? historyDays, bool valid)
    {
        var settings = new Dictionary<string, string?> { ["Privacy:RawRetention"] = retention, ["Monitoring:HistoryDays"] = historyDays };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build());
        services.AddOptions<MonitorOptions>().BindConfiguration("Monitoring");
        services.AddOptions<TrainingOptions>().BindConfiguration("Training");
        services.AddPrivacyDuties();
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value;

        if (valid) Assert.NotNull(read());
        else Assert.Throws<OptionsValidationException>(read);
    }
}
