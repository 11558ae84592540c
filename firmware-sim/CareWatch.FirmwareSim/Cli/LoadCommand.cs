using System.CommandLine;
using CareWatch.FirmwareSim.Load;

namespace CareWatch.FirmwareSim.Cli;

/// <summary><c>carewatch-sim load</c>: many lightweight watches from one process, reporting the rate achieved.</summary>
public static class LoadCommand
{
    /// <summary>Builds the command; <paramref name="time"/> drives every clock of the run.</summary>
    public static Command Create(TimeProvider time)
    {
        var file = new Option<string>("--connections-file") { Description = "Connection strings, one per line (carewatch-sim register --out)", Required = true };
        var first = new Option<int>("--first-watch") { Description = "0-based line of the file this process starts at (several processes can share a file)" };
        var watches = new Option<int?>("--watches") { Description = "Connections this process opens (default: the rest of the file)" };
        var host = new Option<string>("--mqtt-host") { Description = "Gateway host", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--mqtt-port") { Description = "Gateway MQTT/TLS port", DefaultValueFactory = _ => 8883 };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM file of the only CA to trust" };
        var noTls = new Option<bool>("--no-tls") { Description = "Plain MQTT over TCP (test brokers only)" };
        var batch = new Option<double>("--batch-seconds") { Description = "Seconds between two messages of one watch", DefaultValueFactory = _ => 60 };
        var duration = new Option<double>("--duration-seconds") { Description = "Length of the steady phase; the run then stops by itself", DefaultValueFactory = _ => 60 };
        var report = new Option<double>("--report-seconds") { Description = "Seconds between report lines", DefaultValueFactory = _ => 10 };
        var parallel = new Option<int>("--connect-parallelism") { Description = "Connects in flight at once", DefaultValueFactory = _ => 64 };
        var sources = new Option<int>("--source-addresses") { Description = "Bind to N loopback source addresses 127.0.0.2… round robin (0: let the OS pick)" };
        var sourceList = new Option<string?>("--source-address-list") { Description = "Comma-separated loopback source addresses instead of --source-addresses" };

        Positive(batch); Positive(duration); Positive(report);
        first.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--first-watch must be at least 0"); });
        watches.Validators.Add(r => { if (r.GetValueOrDefault<int?>() < 1) r.AddError("--watches must be at least 1"); });
        port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 65535) r.AddError("--mqtt-port must be between 1 and 65535"); });
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) r.AddError("--connect-parallelism must be between 1 and 10000"); });
        sources.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 250) r.AddError("--source-addresses must be between 0 and 250"); });
        sourceList.Validators.Add(r =>
        {
            try { SourceAddresses.Parse(r.GetValueOrDefault<string?>() ?? ""); }
            catch (FormatException ex) { r.AddError($"--source-address-list: {ex.Message}"); }
        });
        file.Validators.Add(r => { if (r.GetValueOrDefault<string>() is { } f && !File.Exists(f)) r.AddError($"--connections-file '{f}' does not exist"); });
        caFile.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is { } f && !File.Exists(f)) r.AddError($"--ca-file '{f}' does not exist"); });

        var command = new Command("load", "Many watches from one process, one small batch per interval each; reports accepted messages/s, PUBACK latency and connections")
        {
            file, first, watches, host, port, caFile, noTls, batch, duration, report, parallel, sources, sourceList,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(noTls) && r.GetResult(caFile) is not null) r.AddError("--ca-file makes no sense with --no-tls");
            if (r.GetResult(sources) is not null && r.GetResult(sourceList) is not null) r.AddError("give --source-addresses or --source-address-list, not both");
        });
        command.SetAction((result, ct) =>
        {
            var list = result.GetValue(sourceList);
            var settings = new LoadSettings
            {
                ConnectionsFile = result.GetValue(file)!,
                FirstWatch = result.GetValue(first),
                Watches = result.GetValue(watches),
                MqttHost = result.GetValue(host)!,
                MqttPort = result.GetValue(port),
                CaFile = result.GetValue(caFile),
                NoTls = result.GetValue(noTls),
                BatchInterval = TimeSpan.FromSeconds(result.GetValue(batch)),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                ReportInterval = TimeSpan.FromSeconds(result.GetValue(report)),
                ConnectParallelism = result.GetValue(parallel),
                SourceAddresses = list is not null ? SourceAddresses.Parse(list) : SourceAddresses.Loopback(result.GetValue(sources)),
            };
            return LoadAction.ExecuteAsync(settings, time, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static void Positive(Option<double> option) =>
        option.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) r.AddError($"{option.Name} must be greater than 0"); });
}
