namespace CareWatch.TestSupport;

/// <summary>The repository's top folder: from <c>CAREWATCH_REPO_ROOT</c>, else found by walking up to CareWatch.sln.</summary>
public static class RepoRoot
{
    /// <summary>Absolute path of the repository root.</summary>
    public static string Path { get; } = Find();

    /// <summary>The shared data folder beside the repository (<c>../shared/data</c>).</summary>
    public static string SharedData => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "data"));

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CAREWATCH_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CareWatch.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (CareWatch.sln).");
    }
}
