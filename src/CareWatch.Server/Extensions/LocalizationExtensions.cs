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
            // Text in the reader's language; dates, times and numbers in it too, except that English pages write them
            // as British English ("03/12/2026 03:39", 24-hour clock), as staff in Europe and Asia read them and as the
            // scripts do (formatCulture). "en" is no formatting culture, so an English reader falls back to en-GB.
            var names = CareWatchCultures.Supported.Select(c => c.Name).ToArray();
            o.AddSupportedUICultures(names)
                .AddSupportedCultures([.. names.Select(n => n == CareWatchCultures.Default ? BritishEnglish : n)]);
            o.DefaultRequestCulture = new RequestCulture(BritishEnglish, CareWatchCultures.Default);
            // This browser's explicit choice, then a relative's link's language, then the person's remembered language,
            // then what the browser asks for.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(), new RespondLinkCultureProvider(), new AccountCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    private const string BritishEnglish = "en-GB";
}
