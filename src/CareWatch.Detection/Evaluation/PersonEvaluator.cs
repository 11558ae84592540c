using System.Diagnostics;
using CareWatch.Detection.CheckIn;

namespace CareWatch.Detection.Evaluation;

/// <summary>
/// Evaluates detectors on one person: false alarms on their real evaluation days and the same set of
/// injected emergencies for each detector (a paired comparison). The benchmark (ops/eval.sh) and the
/// model-promotion gate both use it, so the gate measures what the report measures.
/// </summary>
public static class PersonEvaluator
{
    /// <summary>The person's prepared inputs: split, pool, emergencies.</summary>
    /// <param name="StillCeiling">The person's still ceiling from <see cref="StillDefinition"/>: pool values above it look like movement to a detector using it.</param>
    public sealed record Prepared(string PersonId, PersonSplit Split, PersonHistory Training, RestingPool Pool, List<Emergency> Emergencies, double StillCeiling);

    /// <summary>Splits the person's minutes and draws their emergencies; null when nothing is left to evaluate.</summary>
    public static Prepared? Prepare(string personId, ActivityMinute[] minutes, EvaluationSettings settings)
    {
        if (PersonSplit.Create(minutes, settings.TrainFraction) is not { } split) return null;
        var training = new PersonHistory(personId, split.Training);
        var pool = RestingPool.Build(split.Training);
        var still = StillDefinition.Learn(split.Training, StillDefinition.Default);
        var movingAbove = Math.Max(pool.Top, (int)Math.Floor(still.Ceiling));
        var random = new Random(settings.PersonSeed(personId));
        var emergencies = EmergencyInjector.Create(split, pool, movingAbove, settings.EmergenciesPerDay, random);
        return new Prepared(personId, split, training, pool, emergencies, still.Ceiling);
    }

    // Keeps the answer draws apart from the emergency onsets, which use the same person seed.
    private const int AnswerSeed = 0x0C4EC41;

    /// <summary>Runs one detector on a prepared person, without and with the check-in stage.</summary>
    public static PersonOutcome Run(Prepared person, IDetectorFactory factory, EvaluationSettings settings)
    {
        var scoring = new Stopwatch();
        var creating = new Stopwatch();
        IInactivityDetector Create()
        {
            creating.Start();
            try { return factory.CreateFor(person.Training); }
            finally { creating.Stop(); }
        }
        var fa = DetectorRuns.FalseAlarms(Create(), person.Split, settings.Band, scoring);
        long observed = fa.ObservedMinutes;
        var delays = new List<(bool, TimeSpan?)>(person.Emergencies.Count);
        var staffDelays = new List<(bool, TimeSpan?)>(person.Emergencies.Count);
        foreach (var e in person.Emergencies)
        {
            var day = settings.Band.IsDay(e.OnsetLocal);
            delays.Add((day, DetectorRuns.Delay(Create(), e, scoring)));
            staffDelays.Add((day, CheckInRuns.StaffDelay(Create(), e, settings.Answers, settings.Stage, scoring)));
            observed += 2L * e.Stream.Length;
        }
        // The same answers for every detector (a paired comparison): the draws depend on the person and the model of answers only.
        CheckInResult Untouched(AnswerModel answers)
        {
            observed += fa.ObservedMinutes;
            var random = new Random(settings.PersonSeed(person.PersonId) ^ AnswerSeed);
            return CheckInRuns.Untouched(Create(), person.Split, settings.Band, answers, settings.Stage, random, scoring);
        }
        var checkIn = Untouched(settings.Answers);
        var sweep = settings.AnswerSweep.Select(Untouched).ToList();
        var creates = 2 * person.Emergencies.Count + 2 + sweep.Count;
        return new PersonOutcome(fa, delays, observed, scoring.ElapsedTicks, creates, creating.ElapsedTicks)
        {
            CheckIn = checkIn, StaffDelays = staffDelays, Sweep = sweep,
        };
    }
}
