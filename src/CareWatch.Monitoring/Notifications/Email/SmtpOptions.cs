using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>How e-mail is sent: the SMTP relay. Bound from the "Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Smtp";

    /// <summary>
    /// The relay's host name. Empty (the default): e-mail is not configured, and e-mail notifications fail with that
    /// reason until they are dead, where supervisors see them (nothing is dropped silently).
    /// </summary>
    public string Host { get; set; } = "";

    /// <summary>The relay's port: 25 or 587 (STARTTLS), 465 (TLS on connect), or a test server's.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>The sender, "CareWatch &lt;alerts@example.org&gt;" or a bare address; required with a host.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// TLS: <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>None</c> (loopback
    /// test servers only: mail would cross the network in plain text). Default StartTls.
    /// </summary>
    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>A user name when the relay wants one (with <see cref="Password"/>); empty: no authentication.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password for <see cref="UserName"/> (from a secret store or the environment, never committed).</summary>
    public string Password { get; set; } = "";

    /// <summary>How long one SMTP operation may take before the attempt fails and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The domain of the Message-IDs (the idempotency key before it): the sender's domain.</summary>
    public string MessageIdDomain => MailboxAddress.TryParse(From, out var from) ? from.Domain : "carewatch.invalid";

    /// <summary>Whether e-mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>Upgrade with STARTTLS; fail when the relay cannot.</summary>
    StartTls,
    /// <summary>Upgrade with STARTTLS when the relay offers it.</summary>
    StartTlsWhenAvailable,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
    /// <summary>No TLS (loopback test servers).</summary>
    None,
}

/// <summary>Checks the settings on start: with a host, a sender that parses as an address.</summary>
internal sealed class SmtpOptionsValidation : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        if (!MailboxAddress.TryParse(o.From, out _))
            return ValidateOptionsResult.Fail("Smtp:From must be an e-mail address when Smtp:Host is set.");
        if (string.IsNullOrEmpty(o.UserName) != string.IsNullOrEmpty(o.Password))
            return ValidateOptionsResult.Fail("Smtp:UserName and Smtp:Password are set together.");
        return ValidateOptionsResult.Success;
    }
}
