using CareWatch.Detection;

namespace CareWatch.Monitoring.Training;

/// <summary>Splits each person's history in time: earlier days train, the most recent days are held out.</summary>
public static class HoldoutSplit
{
    /// <summary>Training and held-out histories, paired by person id.</summary>
    public static (List<PersonHistory> Training, List<PersonHistory> Holdout) Split(IReadOnlyList<PersonHistory> people, double holdoutShare)
    {
        var training = new List<PersonHistory>(people.Count);
        var holdout = new List<PersonHistory>(people.Count);
        foreach (var person in people)
        {
            var first = person.Minutes[0].Utc;
            var last = person.Minutes[^1].Utc;
            var cut = first + (last - first) * (1 - holdoutShare);
            training.Add(person with { Minutes = person.Minutes.Where(m => m.Utc < cut).ToList() });
            holdout.Add(person with { Minutes = person.Minutes.Where(m => m.Utc >= cut).ToList() });
        }
        return (training, holdout);
    }
}
