using MimeKit;

namespace CareWatch.TestSupport;

/// <summary>
/// A real SMTP server process of a test's own (<c>ops/smtp-server.sh</c>, Debian's python3-aiosmtpd) on a free
/// loopback port, saving every message it accepts into a temporary folder. It can be stopped and started again on
/// the same port, as a relay that goes down and comes back. Recipients whose local part starts with <c>reject</c>
/// are refused with 550 (a permanent failure).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private SmtpServer(string mailDir, int port)
    {
        MailDir = mailDir;
        Port = port;
    }

    /// <summary>The host to connect to.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port it listens on (the same after <see cref="StartAgainAsync"/>).</summary>
    public int Port { get; }

    /// <summary>The folder with one <c>.eml</c> file per accepted message.</summary>
    public string MailDir { get; }

    /// <summary>Starts a server on a free port (another port if one is taken between choosing and binding).</summary>
    public static async Task<SmtpServer> StartAsync()
    {
        var mailDir = Directory.CreateTempSubdirectory("carewatch-smtp-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            var server = new SmtpServer(mailDir, FreePort.Next());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5) { }
        }
    }

    /// <summary>Starts the (stopped) server again on the same port; the messages received so far stay.</summary>
    public Task StartAgainAsync() => OpsScript.RunAsync("smtp-server.sh", "start", MailDir, Port.ToString());

    /// <summary>Stops the server: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => OpsScript.RunAsync("smtp-server.sh", "stop", MailDir);

    /// <summary>The messages received so far, in the order the server accepted them.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(MailDir, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count)
    {
        await Eventually.TrueAsync(() => Directory.GetFiles(MailDir, "*.eml").Length >= count,
            $"{count} message(s) at the SMTP server");
        return Messages();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(MailDir, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
