using System.Globalization;
using System.Net;
using CareWatch.Storage.Alerts;

namespace CareWatch.Monitoring.Notifications.Email;

/// <summary>A rendered notification e-mail: subject, plain text and HTML, in the recipient's language.</summary>
public sealed record MailContent(string Subject, string Text, string Html)
{
    /// <summary>
    /// Renders a notification's facts for a recipient. The senior's name is the only personal detail, and it goes to
    /// people the bureau chose to tell; <paramref name="checkingLink"/> is added only when there is one (contacts).
    /// </summary>
    public static MailContent Render(string language, string notificationKind, NotificationPayload facts,
        string seniorName, Uri? checkingLink)
    {
        var words = MailLanguages.For(language);
        var kind = words.KindName(facts.AlertKind);
        string Format(string template) =>
            string.Format(CultureInfo.InvariantCulture, template, seniorName, kind, facts.Reminder);
        var subject = Format(words.Subject);
        var sentence = Format(words.Sentence(notificationKind));
        var severity = string.Format(CultureInfo.InvariantCulture, words.Severity,
            words.Severities.TryGetValue(facts.Severity, out var s) ? s : facts.Severity.ToString());
        var link = checkingLink is null ? null : Format(words.CheckingLink);

        var text = $"{sentence}\n{severity}\n" + (link is null ? "" : $"\n{link}\n{checkingLink}\n") + $"\n{words.Footer}\n";
        static string H(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{words.Code}"><head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body>
            <p><strong>{H(sentence)}</strong></p>
            <p>{H(severity)}</p>
            {(link is null ? "" : $"<p>{H(link)}<br><a href=\"{H(checkingLink!.AbsoluteUri)}\">{H(checkingLink.AbsoluteUri)}</a></p>")}
            <p><small>{H(words.Footer)}</small></p>
            </body></html>
            """;
        return new MailContent(subject, text, html);
    }
}
