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
    /// A follow-up (staff took the alert, it was closed) must not read like a new alarm: its subject is the news
    /// itself, and it has neither the severity nor the "I'm checking on her" link.
    /// </summary>
    public static MailContent Render(string language, string notificationKind, NotificationPayload facts,
        string seniorName, Uri? checkingLink)
    {
        var words = MailLanguages.For(language);
        var kind = words.KindName(facts.AlertKind);
        string Format(string template) =>
            string.Format(CultureInfo.InvariantCulture, template, seniorName, kind, facts.Reminder);
        var followUp = IsFollowUp(notificationKind);
        var sentence = Format(words.Sentence(notificationKind));
        var subject = followUp ? $"CareWatch — {sentence}" : Format(words.Subject);
        var severity = followUp ? null : string.Format(CultureInfo.InvariantCulture, words.Severity,
            words.Severities.TryGetValue(facts.Severity, out var s) ? s : facts.Severity.ToString());
        var link = checkingLink is null || followUp ? null : Format(words.CheckingLink);

        var text = $"{sentence}\n" + (severity is null ? "" : $"{severity}\n")
            + (link is null ? "" : $"\n{link}\n{checkingLink}\n") + $"\n{words.Footer}\n";
        static string H(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{words.Code}"><head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body>
            <p><strong>{H(sentence)}</strong></p>
            {(severity is null ? "" : $"<p>{H(severity)}</p>")}
            {(link is null ? "" : $"<p>{H(link)}<br><a href=\"{H(checkingLink!.AbsoluteUri)}\">{H(checkingLink.AbsoluteUri)}</a></p>")}
            <p><small>{H(words.Footer)}</small></p>
            </body></html>
            """;
        return new MailContent(subject, text, html);
    }

    /// <summary>Whether a notification kind tells of an alert already taken or closed (not an alarm).</summary>
    public static bool IsFollowUp(string notificationKind) =>
        notificationKind is NotificationKinds.AlertAcknowledged or NotificationKinds.AlertResolved;
}
