using System.CommandLine;
using System.CommandLine.Parsing;
using CareWatch.FirmwareSim.CheckIn;
using CareWatch.FirmwareSim.Scenarios;
using CareWatch.Protocol;

namespace CareWatch.FirmwareSim.Cli;

/// <summary>The <c>carewatch-sim</c> command line: option definitions and their validation.</summary>
public static class SimCli
{
    /// <summary>Builds the root command; <paramref name="time"/> drives every clock of the run.</summary>
    public static RootCommand Create(TimeProvider time)
    {
        var server = new Option<string?>("--server") { Description = "CareWatch HTTP base URL; registers one watch per senior" };
        var connectionStrings = new Option<string[]>("--connection-string")
        { Description = "Device connection string HostName=…;DeviceId=…;SharedAccessKey=… (repeatable, instead of --server)" };
        var watches = new Option<int?>("--watches") { Description = "Number of watches (default: one per senior or connection string)" };
        var mqttHost = new Option<string?>("--mqtt-host") { Description = "MQTT host (default: HostName of the connection string)" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "MQTT port", DefaultValueFactory = _ => 8883 };
        var caFile = new Option<string?>("--ca-file") { Description = "PEM file of the only CA to trust (default: system store)" };
        var noTls = new Option<bool>("--no-tls") { Description = "Plain MQTT over TCP (test brokers only)" };
        var batchSeconds = new Option<int>("--batch-seconds") { Description = "Seconds between live batches", DefaultValueFactory = _ => 300 };
        var backfillHours = new Option<double>("--backfill-hours") { Description = "Hours of history to upload first (0–167)" };
        var stillWatches = new Option<int>("--still-watches") { Description = "The first K watches go still" };
        var dozingWatches = new Option<int>("--dozing-watches")
        { Description = "The next N watches (after the still ones) doze: still long enough for an alert, then they press OK" };
        var okProbability = new Option<double>("--ok-probability")
        {
            Description = "Chance that a healthy senior presses OK when the watch first asks \"Are you OK?\" by day (0–1; at night and on a second prompt she answers as the evaluation's answer model says; dozing ones always do, still ones never)",
            DefaultValueFactory = _ => CheckInAnswers.DefaultOkProbability,
        };
        var okDelay = new Option<int>("--ok-delay-seconds")
        { Description = "Seconds from the prompt to the OK press", DefaultValueFactory = _ => (int)CheckInAnswers.DefaultOkDelay.TotalSeconds };
        var stillOnset = new Option<int?>("--still-onset-minutes-ago")
        { Description = "Their stillness began M minutes before start (default: long enough to be abnormal now)" };
        var apiKey = ApiKeyOption.Create();
        var identities = new Option<string?>("--identities")
        {
            Description = "With --server: file (mode 600) keeping the watches registered and the still onsets, "
                + "so reruns reuse them and upload only the history the server lacks",
        };
        var tokenTtl = new Option<int>("--token-ttl-minutes") { Description = "SAS token lifetime", DefaultValueFactory = _ => 60 };
        var summarySeconds = new Option<int>("--summary-seconds") { Description = "Seconds between summary lines", DefaultValueFactory = _ => 60 };
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "Script a watch: watch-index:kind:minutes-from-now[:argument], kind = still, fall, decline, off-wrist, dies, sos, ok, clock (repeatable)",
        };
        var clockSkew = new Option<int>("--clock-skew-seconds")
        { Description = "Set each watch's clock wrong by up to ±S seconds (drawn per watch from the seed; 0 = exact clocks)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the seniors' routines", DefaultValueFactory = _ => 42 };

        AtLeast(watches, 1); Between(mqttPort, 1, 65535); AtLeast(batchSeconds, 1); AtLeast(stillWatches, 0);
        AtLeast(dozingWatches, 0); AtLeast(okDelay, 0);
        okProbability.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var p && !(p >= 0 && p <= 1)) r.AddError("--ok-probability must be between 0 and 1");
        });
        AtLeast(stillOnset, 0); AtLeast(tokenTtl, 2); AtLeast(summarySeconds, 1);
        Between(clockSkew, 0, (int)TelemetryLimits.MaxAge.TotalSeconds - 1);
        backfillHours.Validators.Add(r =>
        {
            var max = TelemetryLimits.MaxAge.TotalHours - 1; // the server refuses minutes older than a week
            if (r.GetValueOrDefault<double>() is var h && (h < 0 || h > max)) r.AddError($"--backfill-hours must be between 0 and {max}");
        });
        server.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string?>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                r.AddError($"--server must be an http(s) URL, not '{r.GetValueOrDefault<string?>()}'");
        });
        connectionStrings.Validators.Add(r =>
        {
            foreach (var text in r.GetValueOrDefault<string[]>() ?? [])
                if (ConnectionStringProblem(text) is { } problem) r.AddError($"bad --connection-string '{text}': {problem}");
        });
        scenarios.Validators.Add(r =>
        {
            foreach (var text in r.GetValueOrDefault<string[]>() ?? [])
            {
                try { ScenarioSpec.Parse(text); }
                catch (FormatException ex) { r.AddError($"bad --scenario '{text}': {ex.Message}"); }
            }
        });
        caFile.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } path && !File.Exists(path)) r.AddError($"--ca-file '{path}' does not exist");
        });

        var run = new Command("run", "Simulate watches streaming telemetry to the CareWatch gateway")
        {
            server, connectionStrings, watches, mqttHost, mqttPort, caFile, noTls, batchSeconds, backfillHours,
            stillWatches, dozingWatches, okProbability, okDelay, stillOnset, tokenTtl, summarySeconds, seed, scenarios, clockSkew, identities, apiKey,
        };
        run.Validators.Add(r =>
        {
            var hasServer = r.GetResult(server) is not null;
            var strings = r.GetValue(connectionStrings) ?? [];
            if (hasServer == strings.Length > 0) r.AddError("give either --server or at least one --connection-string");
            var count = r.GetValue(watches);
            if (strings.Length > 0 && count > strings.Length) r.AddError($"--watches {count} but only {strings.Length} connection string(s)");
            if (count is { } n && r.GetValue(stillWatches) > n) r.AddError($"--still-watches cannot exceed --watches ({n})");
            if (count is { } m && r.GetValue(stillWatches) + r.GetValue(dozingWatches) > m)
                r.AddError($"--still-watches plus --dozing-watches cannot exceed --watches ({m})");
            if (r.GetValue(noTls) && r.GetResult(caFile) is not null) r.AddError("--ca-file makes no sense with --no-tls");
            if (!hasServer && r.GetResult(apiKey) is not null) r.AddError("--api-key needs --server (it registers the watches)");
            if (!hasServer && r.GetResult(identities) is not null)
                r.AddError("--identities needs --server (it keeps what the server registered)");
            var fleet = count ?? (strings.Length > 0 ? strings.Length : (int?)null);
            foreach (var text in r.GetValue(scenarios) ?? [])
                if (TryParse(text) is { } spec && spec.WatchIndex >= fleet)
                    r.AddError($"--scenario '{text}': watch index {spec.WatchIndex} but the fleet has {fleet} watch(es), 0–{fleet - 1}");
        });
        run.SetAction((result, ct) => RunAction.ExecuteAsync(new RunSettings
        {
            Server = result.GetValue(server) is { } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null,
            ApiKey = result.GetValue(server) is null ? null : ApiKeyOption.Resolve(result.GetValue(apiKey)),
            ConnectionStrings = result.GetValue(connectionStrings) ?? [],
            Watches = result.GetValue(watches),
            MqttHost = result.GetValue(mqttHost),
            MqttPort = result.GetValue(mqttPort),
            CaFile = result.GetValue(caFile),
            NoTls = result.GetValue(noTls),
            BatchSeconds = result.GetValue(batchSeconds),
            BackfillHours = result.GetValue(backfillHours),
            StillWatches = result.GetValue(stillWatches),
            DozingWatches = result.GetValue(dozingWatches),
            OkProbability = result.GetValue(okProbability),
            OkDelaySeconds = result.GetValue(okDelay),
            StillOnsetMinutesAgo = result.GetValue(stillOnset),
            IdentitiesFile = result.GetValue(identities),
            TokenTtlMinutes = result.GetValue(tokenTtl),
            SummarySeconds = result.GetValue(summarySeconds),
            Seed = result.GetValue(seed),
            ClockSkewSeconds = result.GetValue(clockSkew),
            Scenarios = (result.GetValue(scenarios) ?? []).Select(ScenarioSpec.Parse).ToList(),
        }, time, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        return new RootCommand("CareWatch firmware simulator: simulated seniors' watches over the IoT Hub MQTT protocol")
        {
            run, RegisterCommand.Create(), LoadCommand.Create(time), BenchAlertsCommand.Create(time),
        };
    }

    /// <summary>Why a connection string is unusable, or null when it is fine.</summary>
    public static string? ConnectionStringProblem(string text)
    {
        DeviceConnectionString parsed;
        try { parsed = DeviceConnectionString.Parse(text); }
        catch (FormatException ex) { return ex.Message; }
        var key = parsed.SharedAccessKey;
        return Convert.TryFromBase64String(key, new byte[key.Length], out var length) && length > 0
            ? null : "SharedAccessKey is not base64";
    }

    private static ScenarioSpec? TryParse(string text)
    {
        try { return ScenarioSpec.Parse(text); }
        catch (FormatException) { return null; }
    }

    private static void AtLeast(Option<int> option, int min) =>
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < min) r.AddError($"{option.Name} must be at least {min}"); });

    private static void AtLeast(Option<int?> option, int min) =>
        option.Validators.Add(r => { if (r.GetValueOrDefault<int?>() < min) r.AddError($"{option.Name} must be at least {min}"); });

    private static void Between(Option<int> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var v && (v < min || v > max)) r.AddError($"{option.Name} must be between {min} and {max}");
        });
}
