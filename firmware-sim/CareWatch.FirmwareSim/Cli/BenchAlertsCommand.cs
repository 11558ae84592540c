using System.CommandLine;
using CareWatch.FirmwareSim.Bench;

namespace CareWatch.FirmwareSim.Cli;

/// <summary><c>carewatch-sim bench-alerts</c>: alert latency from a watch's SOS to a board's SignalR push.</summary>
public static class BenchAlertsCommand
{
    /// <summary>Builds the command; <paramref name="time"/> drives every clock of the run.</summary>
    public static Command Create(TimeProvider time)
    {
        var file = new Option<string>("--connections-file") { Description = "Connection strings, one per line, one watch per senior", Required = true };
        var server = new Option<string>("--server") { Description = "CareWatch HTTP base URL", Required = true };
        var host = new Option<string>("--mqtt-host") { Description = "Gateway host", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--mqtt-port") { Description = "Gateway MQTT/TLS port", DefaultValueFactory = _ => 8883 };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM file of the only CA to trust" };
        var rate = new Option<double>("--alerts-per-minute") { Description = "New alerts per minute, evenly spaced", DefaultValueFactory = _ => 1000 };
        var boards = new Option<int>("--boards")
        {
            Description = "Boards listening on the alerts hub (fan-out)", DefaultValueFactory = _ => 1,
        };
        var apiKey = ApiKeyOption.Create();
        boards.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 5_000) r.AddError("--boards must be between 1 and 5000");
        });
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 60_000) r.AddError("--alerts-per-minute must be in (0, 60000]"); });
        file.Validators.Add(r => { if (r.GetValueOrDefault<string>() is { } f && !File.Exists(f)) r.AddError($"--connections-file '{f}' does not exist"); });
        server.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                r.AddError($"--server must be an http(s) URL, not '{r.GetValueOrDefault<string>()}'");
        });
        var command = new Command("bench-alerts", "Every watch presses SOS once at an even pace; reports p50/p99 from the press to each board's push")
        {
            file, server, host, port, caFile, rate, boards, apiKey,
        };
        command.SetAction(async (result, ct) =>
        {
            var key = ApiKeyOption.Resolve(result.GetValue(apiKey));
            if (key is null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("carewatch-sim: bench-alerts needs the bureau's API key");
                return RunAction.StartFailed;
            }
            var url = result.GetValue(server)!;
            var settings = new AlertBenchSettings
            {
                ConnectionsFile = result.GetValue(file)!, Server = new Uri(url.EndsWith('/') ? url : url + "/"), ApiKey = key,
                MqttHost = result.GetValue(host)!, MqttPort = result.GetValue(port), CaFile = result.GetValue(caFile),
                AlertsPerMinute = result.GetValue(rate), Boards = result.GetValue(boards),
            };
            var output = TextWriter.Synchronized(result.InvocationConfiguration.Output);
            var report = await new AlertBenchRunner(settings, time, line => output.WriteLine(line)).RunAsync(ct);
            return report.Received > 0 ? 0 : RunAction.StartFailed;
        });
        return command;
    }
}
