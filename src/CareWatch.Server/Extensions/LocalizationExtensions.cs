using CareWatch.Server.Accounts;
using Microsoft.AspNetCore.Localization;

namespace CareWatch.Server.Extensions;

/// <summary>Pages and their scripts in the reader's language (resx under Resources/, English as the keys).</summary>
public static class LocalizationExtensions
{
    /// <summary>Registers IStringLocalizer over Resources/ and the request's culture rules.</summary>
    public static WebApplicationBuilder AddCareWatchLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var names = CareWatchCultures.Supported.Select(c => c.Name).ToArray();
            o.SetDefaultCulture(CareWatchCultures.Default).AddSupportedCultures(names).AddSupportedUICultures(names);
            // This browser's explicit choice, then the person's remembered language, then what the browser asks for.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(), new AccountCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }
}
