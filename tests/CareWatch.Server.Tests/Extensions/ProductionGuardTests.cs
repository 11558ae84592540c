using CareWatch.TestSupport;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Tests.Extensions;

public sealed class ProductionGuardTests
{
    [Theory]
    [InlineData("--Demo:Seed=true", "Demo:Seed")]
    [InlineData("--Demo:Users:0:Password=demo-password-1", "Demo:Users:0:Password")]
    public async Task Start_ProductionWithDemoSettings_ThrowsNamingTheSetting(string demo, string key)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var app = CareWatchApplication.Create(Args(db, "--environment=Production", demo));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("refuses to start in the Production environment with demo settings", failure.Message);
        Assert.Contains(key, failure.Message);
        Assert.DoesNotContain("demo-password-1", failure.Message); // names only, never the secret
    }

    [Fact]
    public async Task Start_DemoEnvironmentWithDemoSettings_Starts()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var app = CareWatchApplication.Create(Args(db, "--environment=Demo", "--Demo:Seed=true"));

        await app.StartAsync();
        await app.StopAsync();
    }

    private static string[] Args(TestDatabase db, params string[] more) =>
    [
        $"--ConnectionStrings:CareWatch={db.ConnectionString}",
        $"--Http:Port={FreePort.Next()}",
        $"--Http:HttpsPort={FreePort.Next()}",
        $"--Gateway:MqttPort={FreePort.Next()}",
        $"--Gateway:DataDirectory={Directory.CreateTempSubdirectory("carewatch-guard-").FullName}",
        $"--Orleans:SiloPort={FreePort.Next()}",
        $"--Orleans:GatewayPort={FreePort.Next()}",
        $"--Orleans:ClusterId=test-{Guid.NewGuid():N}",
        "--Logging:LogLevel:Default=Warning",
        .. more,
    ];
}
