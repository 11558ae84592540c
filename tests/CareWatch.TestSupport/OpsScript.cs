using System.Diagnostics;

namespace CareWatch.TestSupport;

/// <summary>Runs a script of the repository's <c>ops/</c> folder and fails with its error output.</summary>
internal static class OpsScript
{
    /// <summary>Runs <c>ops/<paramref name="script"/></c> with the arguments; throws when it exits non-zero.</summary>
    public static async Task RunAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepoRoot.Path, "ops", script))
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed: {await stderr}");
    }
}
