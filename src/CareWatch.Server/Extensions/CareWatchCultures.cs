using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CareWatch.Server.Extensions;

/// <summary>
/// The languages CareWatch's pages and e-mails are written in: English (the default and the resource keys), German
/// and Simplified Chinese. A browser asking for zh-CN, zh-SG or de-AT gets the parent language.
/// </summary>
public static class CareWatchCultures
{
    /// <summary>The default: the text of the pages themselves, used where a translation is missing.</summary>
    public const string Default = "en";

    /// <summary>Culture names in the order the language switch offers them, with each language's own name.</summary>
    public static readonly IReadOnlyList<(string Name, string NativeName)> Supported =
        [("en", "English"), ("de", "Deutsch"), ("zh-Hans", "中文")];

    /// <summary>The supported culture this name falls under (de-DE → de, zh-CN → zh-Hans), or null.</summary>
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(name); }
        catch (CultureNotFoundException) { return null; }
        for (var c = culture; c.Name.Length > 0; c = c.Parent)
            if (Supported.Any(s => s.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase))) return Supported.First(s =>
                s.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase)).Name;
        // "zh" (a contact's language) is the parent of zh-Hans: the one supported culture under it.
        return Supported.Select(s => s.Name).FirstOrDefault(s => CultureInfo.GetCultureInfo(s).Parent.Name == culture.Name);
    }

    /// <summary>Remembers the language in this browser for a year (the cookie the request culture reads first).</summary>
    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true,
                Secure = response.HttpContext.Request.IsHttps, SameSite = SameSiteMode.Lax });
}
