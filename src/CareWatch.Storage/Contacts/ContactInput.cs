using System.Net.Mail;

namespace CareWatch.Storage.Contacts;

/// <summary>A contact as a supervisor enters it (create or replace), with the rules it must meet.</summary>
public sealed record ContactInput(string? Name, string? Relation, string? Language, string? Email, string? Phone,
    int ChainOrder, IReadOnlyList<string>? Channels, TimeOnly? QuietFrom, TimeOnly? QuietUntil)
{
    /// <summary>The languages messages are rendered in (the table's check).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de", "zh"];

    /// <summary>
    /// The channels a contact may choose: e-mail (needs an address) and webhook, i.e. a text message through the
    /// bureau's SMS/WeChat gateway (needs a phone number). The board is for staff; a relative's page comes later.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedChannels = ["email", "webhook"];

    /// <summary>Field errors (API style), empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200) errors["name"] = ["1 to 200 characters."];
        if (string.IsNullOrWhiteSpace(Relation) || Relation.Trim().Length > 100) errors["relation"] = ["1 to 100 characters."];
        if (Language is null || !Languages.Contains(Language)) errors["language"] = [$"One of: {string.Join(", ", Languages)}."];
        var email = Clean(Email);
        if (email is not null && (email.Length > 320 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            errors["email"] = ["An e-mail address (at most 320 characters)."];
        var phone = Clean(Phone);
        if (phone is not null && (phone.Length > 40 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')))
            errors["phone"] = ["Digits, spaces, '+' and '-' (at most 40 characters)."];
        if (ChainOrder is < 1 or > 20) errors["chainOrder"] = ["1 to 20."];
        var channels = Channels ?? [];
        if (channels.Count == 0 || channels.Any(c => !AllowedChannels.Contains(c)) || channels.Distinct().Count() != channels.Count)
            errors["channels"] = [$"One or more of: {string.Join(", ", AllowedChannels)}."];
        else if (channels.Contains("email") && email is null) errors["email"] = ["Required for the email channel."];
        else if (channels.Contains("webhook") && phone is null) errors["phone"] = ["Required for the webhook channel."];
        if ((QuietFrom is null) != (QuietUntil is null)) errors["quietUntil"] = ["Quiet hours need a start and an end."];
        else if (QuietFrom is not null && QuietFrom == QuietUntil) errors["quietUntil"] = ["Quiet hours end after they start."];
        return errors;
    }

    /// <summary>Trimmed, or null when empty.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
