using System.CommandLine;
using CareWatch.FirmwareSim.Registration;

namespace CareWatch.FirmwareSim.Cli;

/// <summary><c>carewatch-sim register</c>: creates many watch identities and writes their connection strings to a file.</summary>
public static class RegisterCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "CareWatch HTTP base URL", Required = true };
        var count = new Option<int>("--count") { Description = "Watches to register", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Device id prefix (ids are prefix + 6 digits)", DefaultValueFactory = _ => "load-" };
        var output = new Option<string>("--out") { Description = "File to write the connection strings to, one per line", Required = true };
        var apiKey = ApiKeyOption.Create();
        var parallel = new Option<int>("--parallelism") { Description = "Requests in flight at once", DefaultValueFactory = _ => 16 };

        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000) r.AddError("--count must be between 1 and 1000000"); });
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallelism must be between 1 and 256"); });
        server.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                r.AddError($"--server must be an http(s) URL, not '{r.GetValueOrDefault<string>()}'");
        });
        // Device ids allow letters, digits and - . _ : (the registry's rule); 6 digits are appended.
        prefix.Validators.Add(r =>
        {
            var p = r.GetValueOrDefault<string>() ?? "";
            if (p.Length > 100 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':'))
                r.AddError("--prefix: up to 100 letters, digits and - . _ : only");
        });

        var command = new Command("register", "Registers many watches (sharing the server's seniors round robin) and writes their connection strings")
        {
            server, count, prefix, output, parallel, apiKey,
        };
        command.SetAction(async (result, ct) =>
        {
            var url = result.GetValue(server)!;
            using var http = ApiKeyOption.Client(new Uri(url.EndsWith('/') ? url : url + "/"),
                ApiKeyOption.Resolve(result.GetValue(apiKey)), TimeSpan.FromSeconds(60));
            var log = TextWriter.Synchronized(result.InvocationConfiguration.Output);
            try
            {
                var lines = await new BulkRegistration(http).RegisterAsync(result.GetValue(prefix)!, result.GetValue(count),
                    result.GetValue(parallel), log.WriteLine, ct);
                await File.WriteAllLinesAsync(result.GetValue(output)!, lines, ct);
                await log.WriteLineAsync($"wrote {lines.Count:N0} connection string(s) to {result.GetValue(output)}");
                return 0;
            }
            catch (RegistrationException ex)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"carewatch-sim: {ex.Message}");
                return RunAction.StartFailed;
            }
        });
        return command;
    }
}
