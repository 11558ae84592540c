using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using CareWatch.Server.Adapters;
using CareWatch.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CareWatch.Server.Extensions;

/// <summary>
/// ASP.NET Core Data Protection, registered once for the whole server: it protects device keys at rest and (once
/// accounts exist) the Identity cookies and anti-forgery tokens. Its key ring lives in PostgreSQL, so every node
/// of a cluster shares it.
/// </summary>
public static class DataProtectionExtensions
{
    /// <summary>The name every node shares; nodes with different names cannot read each other's payloads.</summary>
    public const string ApplicationName = "CareWatch";

    /// <summary>
    /// Registers Data Protection (section <c>DataProtection</c>, <see cref="KeyRingOptions"/>), its PostgreSQL key
    /// ring, the device-key protector and the start-up step that encrypts device keys still stored in plain text.
    /// Expects <c>AddCareWatchStorage</c> (the data source).
    /// </summary>
    public static WebApplicationBuilder AddCareWatchDataProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Read now, because the key lifetime and the certificate shape the registration itself; validated here
        // and again on start with the other options.
        var settings = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new();
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .SetDefaultKeyLifetime(settings.KeyLifetime);
        if (!string.IsNullOrWhiteSpace(settings.KeyEncryptionCertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                settings.KeyEncryptionCertificatePath, settings.KeyEncryptionCertificatePassword);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException("DataProtection:KeyEncryptionCertificatePath has no private key.");
            // Decrypting must not depend on a machine certificate store (there is none worth the name on Linux).
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<DataProtectionKeyStore>();
        // The repository needs the data source, so it is set through DI rather than PersistKeysTo…(instance).
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<DataProtectionKeyStore>())));

        services.AddSingleton<IDeviceKeyProtector, DataProtectionDeviceKeyProtector>();
        services.AddSingleton<PlainDeviceKeyEncryption>();
        services.AddSingleton<DeviceKeyEncryptionService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeviceKeyEncryptionService>());
        services.AddHealthChecks()
            .AddCheck<DeviceKeyEncryptionService>("device-keys", tags: [HealthExtensions.ReadyTag]);
        return builder;
    }
}
