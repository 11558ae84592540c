namespace CareWatch.Detection.CheckIn;

/// <summary>
/// How a senior who is fine answers "Are you OK?" on the watch: the first prompt is answered with a probability
/// that depends on the time of day (someone asleep misses more), within <see cref="Window"/>; a missed first prompt
/// is followed by a second one <see cref="SecondPromptAfter"/> after the first, answered less often. A senior in an
/// emergency answers nothing. The evaluation, the promotion gate and the firmware simulator all draw from this
/// model, so the demo shows what the report measured.
/// </summary>
/// <param name="FirstDay">Chance that the first prompt is answered by day (0–1).</param>
/// <param name="FirstNight">The same at night.</param>
/// <param name="SecondDay">Chance that the second prompt is answered by day, given that the first was missed.</param>
/// <param name="SecondNight">The same at night.</param>
/// <param name="Window">How long each prompt waits for OK; an answer comes uniformly within it.</param>
/// <param name="SecondPromptAfter">From the first prompt to the second (the first window has passed by then).</param>
public sealed record AnswerModel(
    double FirstDay, double FirstNight, double SecondDay, double SecondNight, TimeSpan Window, TimeSpan SecondPromptAfter)
{
    /// <summary>The default: 0.9 by day and 0.7 at night within 2 min; a second prompt after 5 min, 0.6 and 0.4.</summary>
    public static AnswerModel Default { get; } = new(0.9, 0.7, 0.6, 0.4, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));

    /// <summary>When staff are called if nobody answers: the second prompt's window has passed.</summary>
    public TimeSpan StaffAfter => SecondPromptAfter + Window;

    /// <summary>Short name for reports, e.g. "day 0.9 / night 0.7".</summary>
    public string Name => $"day {FirstDay:0.##} / night {FirstNight:0.##}";

    /// <summary>The chance that prompt <paramref name="prompt"/> (1 or 2) is answered, by day or at night.</summary>
    public double Chance(int prompt, bool day) => prompt switch
    {
        1 => day ? FirstDay : FirstNight,
        2 => day ? SecondDay : SecondNight,
        _ => throw new ArgumentOutOfRangeException(nameof(prompt), prompt, "one or two prompts"),
    };

    /// <summary>
    /// How a senior who is fine answers a check-in that starts with a prompt by day or at night: which prompt she
    /// answers and how long after the first prompt, or null when she misses both (staff are called).
    /// </summary>
    public CheckInAnswer? Draw(bool day, Random random)
    {
        if (random.NextDouble() < Chance(1, day)) return new CheckInAnswer(1, random.NextDouble() * Window);
        if (random.NextDouble() < Chance(2, day)) return new CheckInAnswer(2, SecondPromptAfter + random.NextDouble() * Window);
        return null;
    }

    /// <summary>Throws when a probability is outside 0–1 or the times do not leave the first window before the second prompt.</summary>
    public AnswerModel Validated()
    {
        foreach (var p in new[] { FirstDay, FirstNight, SecondDay, SecondNight })
            if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(FirstDay), p, "a probability is 0–1");
        if (Window <= TimeSpan.Zero || SecondPromptAfter < Window)
            throw new ArgumentException("the window must be positive and the second prompt must come after the first window");
        return this;
    }
}

/// <summary>A check-in the senior answered: on which prompt, and how long after the first prompt.</summary>
public readonly record struct CheckInAnswer(int Prompt, TimeSpan After);
