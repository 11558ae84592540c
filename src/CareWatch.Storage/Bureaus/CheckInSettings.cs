namespace CareWatch.Storage.Bureaus;

/// <summary>
/// A bureau's "Are you OK?" settings (columns of <c>bureaus</c>, migration 0020).
/// </summary>
/// <param name="WindowSeconds">How long a prompt on the watch waits for OK before staff are called, 15–900 s
/// (default 120: the 2 min the issue asks for, between Apple's 1 min and Tunstall's 10 min).</param>
/// <param name="SecondPrompt">Ask once more (a second window) before calling staff; default off.</param>
/// <param name="LowBatteryPercent">A low-battery alert by day below this charge, 1–90 % (default 15).</param>
public sealed record CheckInSettings(int WindowSeconds, bool SecondPrompt, int LowBatteryPercent)
{
    /// <summary>The shortest window (a senior needs time to find the watch and press OK).</summary>
    public const int MinWindowSeconds = 15;

    /// <summary>The longest window (staff must not wait longer than a quarter of an hour for a silent watch).</summary>
    public const int MaxWindowSeconds = 900;

    /// <summary>The schema's defaults, used when a bureau cannot be read.</summary>
    public static CheckInSettings Default { get; } = new(120, false, 15);

    /// <summary>The window as a span.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>Why the settings cannot be stored (field, reason), or null when they can.</summary>
    public (string Field, string Reason)? Invalid() =>
        WindowSeconds is < MinWindowSeconds or > MaxWindowSeconds
            ? ("windowSeconds", $"{MinWindowSeconds}–{MaxWindowSeconds}.")
            : LowBatteryPercent is < 1 or > 90 ? ("lowBatteryPercent", "1–90.") : null;
}
