using CareWatch.Detection;

namespace CareWatch.Evaluation.Tests;

/// <summary>Alerts on every minute, as if every minute began a new still period.</summary>
internal sealed class AlwaysAlertFactory : IDetectorFactory
{
    public string Name => "always";
    public IInactivityDetector CreateFor(PersonHistory personTraining) => new Detector();

    private sealed class Detector : IInactivityDetector
    {
        public DateTime? StillSince { get; private set; }
        public DetectorOutput Observe(in ActivityMinute minute)
        {
            StillSince = minute.Utc;
            return new DetectorOutput(DetectorSignal.Alert, "always");
        }
    }
}

/// <summary>Never alerts.</summary>
internal sealed class NeverAlertFactory : IDetectorFactory
{
    public string Name => "never";
    public IInactivityDetector CreateFor(PersonHistory personTraining) => new Detector();

    private sealed class Detector : IInactivityDetector
    {
        public DateTime? StillSince => null;
        public DetectorOutput Observe(in ActivityMinute minute) => DetectorOutput.None;
    }
}
