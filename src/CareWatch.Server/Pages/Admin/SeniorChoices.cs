using CareWatch.Storage.Seniors;

namespace CareWatch.Server.Pages.Admin;

/// <summary>The choices of the time-zone and language lists on the seniors' forms.</summary>
public static class SeniorChoices
{
    /// <summary>
    /// The IANA zones this machine knows, by name (Africa/…, America/…, Asia/Shanghai, Europe/Berlin…): the same
    /// test <see cref="SeniorInput.IsIanaZone"/> applies, so every choice is accepted.
    /// </summary>
    public static readonly IReadOnlyList<string> TimeZones = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id).Where(SeniorInput.IsIanaZone).Order(StringComparer.Ordinal).ToList();

    /// <summary>The languages a senior's watch speaks, each named in itself (a reader finds their own).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
        [("en", "English"), ("de", "Deutsch"), ("zh", "中文")];
}
