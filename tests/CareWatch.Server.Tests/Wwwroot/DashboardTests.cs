using System.Net.Http.Json;
using CareWatch.FirmwareSim.Device;
using CareWatch.Protocol;
using CareWatch.Storage;
using CareWatch.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWatch.Server.Tests.Wwwroot;

/// <summary>The staff board in a real browser (Debian's Chromium driven by Playwright).</summary>
public sealed class DashboardTests
{
    private sealed record CreatedDevice(string DeviceId, Guid SeniorId, string ConnectionString);

    [Fact]
    public async Task Board_SosPressedWhileOpen_ShowsAlertLiveInSeniorsLocalTime()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using var server = await ServerHost.StartAsync(db.ConnectionString);
        await server.WaitUntilReadyAsync();
        var directory = server.Services.GetRequiredService<SeniorDirectory>();
        var bureau = await directory.AddBureauAsync("Bureau", "Asia/Shanghai");
        var senior = await directory.AddSeniorAsync(bureau.Id, "Wang Shufen", "Asia/Shanghai");
        using var created = await server.Http.PostAsJsonAsync("api/devices", new { seniorId = senior.Id });
        var device = (await created.Content.ReadFromJsonAsync<CreatedDevice>())!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { TimezoneId = "Europe/Berlin" });
        await page.GotoAsync(server.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("All calm");

        var pressedAt = new DateTime(TimeProvider.System.GetUtcNow().UtcDateTime.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        await using (var watch = new SimulatedWatch(device.ConnectionString, new SimulatedWatchOptions
        {
            MqttHost = "127.0.0.1", MqttPort = server.MqttPort, CaFile = server.CaCertificatePath,
        }))
        {
            await watch.SendAsync([], [new DeviceEvent(pressedAt, DeviceEventKind.Sos)]);
        }

        var item = page.Locator("#alerts li");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("1 open alert");
        await Assertions.Expect(item.Locator(".name")).ToHaveTextAsync("Wang Shufen");
        await Assertions.Expect(item.Locator(".kind")).ToHaveTextAsync("SOS");
        var shanghai = TimeZoneInfo.ConvertTimeFromUtc(pressedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await Assertions.Expect(item.Locator(".explanation")).ToHaveTextAsync($"SOS pressed at {shanghai:HH:mm}.");
        Assert.Equal("(1) CareWatch — alerts", await page.TitleAsync());
    }
}
