using System.ComponentModel.DataAnnotations;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The Data Protection key ring (section <c>DataProtection</c>); see docs/operations.md, "Secrets at rest".
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DataProtection";

    /// <summary>
    /// How long a new Data Protection key is the one that protects, 7 days to 10 years; default 90 days (ASP.NET
    /// Core's own default). Each node creates the next key two days before the current one expires, so the others
    /// load it before it is used. An expired key still unprotects what it protected: rotation never locks a
    /// watch out. Shorter means less data under one key; there is no benefit in going below the default here.
    /// </summary>
    [Range(typeof(TimeSpan), "7.00:00:00", "3650.00:00:00")]
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Optional path to a PKCS#12 (.pfx) certificate with private key. When set, the key ring's XML is encrypted
    /// with it before it is written to PostgreSQL, so a copy of the database alone (a stolen backup) does not
    /// reveal the device keys. Every node needs the same file; keep it out of the database backups. Default: none
    /// (the ring is stored readable by whoever can read the table, and Data Protection logs a warning at start).
    /// </summary>
    public string? KeyEncryptionCertificatePath { get; set; }

    /// <summary>The certificate file's password, if it has one (from a secret store or the environment).</summary>
    public string? KeyEncryptionCertificatePassword { get; set; }
}
