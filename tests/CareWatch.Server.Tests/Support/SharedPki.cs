namespace CareWatch.Server.Tests.Support;

/// <summary>
/// One private CA (and server key pair) for the test servers of a process: each server would otherwise generate two
/// RSA-2048 keys as it starts, about 0.7 s of CPU, a few hundred times per suite. The first server's files are kept
/// when it stops and copied into later servers' data directories before they start. A server with another host name
/// makes its own server certificate from the shared CA, as the gateway does whenever its certificate does not match.
/// </summary>
internal static class SharedPki
{
    private static readonly string[] Files = ["ca.crt", "ca.key", "server.crt", "server.key"];
    private static readonly Lock Gate = new();
    private static string? _kept;

    /// <summary>Gives a new server's data directory the kept CA and server files, once a server has made them.</summary>
    public static void CopyInto(string dataDirectory)
    {
        lock (Gate)
        {
            if (_kept is null) return;
            var pki = Directory.CreateDirectory(Path.Combine(dataDirectory, "pki")).FullName;
            foreach (var file in Files) File.Copy(Path.Combine(_kept, file), Path.Combine(pki, file));
        }
    }

    /// <summary>Keeps a stopped server's CA and server files for the servers after it (the first complete set only).</summary>
    public static void Keep(string dataDirectory)
    {
        lock (Gate)
        {
            var pki = Path.Combine(dataDirectory, "pki");
            if (_kept is not null || !Files.All(f => File.Exists(Path.Combine(pki, f)))) return;
            var kept = Directory.CreateTempSubdirectory("carewatch-test-pki-").FullName;
            foreach (var file in Files) File.Copy(Path.Combine(pki, file), Path.Combine(kept, file));
            _kept = kept;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(kept, recursive: true); } catch (IOException) { }
            };
        }
    }
}
