using System.Globalization;
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

    private static readonly CultureInfo BritishEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The request's culture (after authentication: the person's remembered language is a claim). English pages
    /// write dates, times and numbers as British English ("03/12/2026 03:39", 24-hour clock), as staff in Europe
    /// and Asia read them and as the pages' scripts do; the text stays the English of the resource keys.
    /// </summary>
    public static WebApplication UseCareWatchLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (CultureInfo.CurrentCulture.Name == CareWatchCultures.Default) CultureInfo.CurrentCulture = BritishEnglish;
            return next(context);
        });
        return app;
    }
}
