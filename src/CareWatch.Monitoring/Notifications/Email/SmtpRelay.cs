using MailKit.Net.Smtp;
using MailKit.Security;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>A connection to the configured SMTP relay, signed in when it wants a user: for mail and for readiness.</summary>
public static class SmtpRelay
{
    /// <summary>Connects (and authenticates); each operation is bounded by <paramref name="timeout"/>.</summary>
    public static async Task<SmtpClient> OpenAsync(SmtpOptions smtp, TimeSpan timeout, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Tls switch
            {
                SmtpTlsMode.None => SecureSocketOptions.None,
                SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
