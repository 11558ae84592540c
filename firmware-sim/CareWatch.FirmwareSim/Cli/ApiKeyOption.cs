using System.CommandLine;

namespace CareWatch.FirmwareSim.Cli;

/// <summary>
/// The bureau API key the simulator registers watches with: <c>--api-key</c>, else the environment variable
/// <c>CAREWATCH_API_KEY</c>. The variable is the better way (a command line is visible to every user in <c>ps</c>);
/// ops/demo.sh uses it.
/// </summary>
public static class ApiKeyOption
{
    /// <summary>The environment variable read when the option is absent.</summary>
    public const string EnvironmentVariable = "CAREWATCH_API_KEY";

    /// <summary>The header the key travels in (the server also accepts <c>Authorization: ApiKey …</c>).</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The option.</summary>
    public static Option<string?> Create() => new("--api-key")
    {
        Description = $"Bureau API key for --server (default: environment {EnvironmentVariable}; prefer the variable)",
    };

    /// <summary>The key given, or the environment's, or null.</summary>
    public static string? Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }

    /// <summary>A client on the server that sends the key (if any) with every request.</summary>
    public static HttpClient Client(Uri server, string? apiKey, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = timeout };
        if (apiKey is not null) http.DefaultRequestHeaders.TryAddWithoutValidation(Header, apiKey);
        return http;
    }
}
