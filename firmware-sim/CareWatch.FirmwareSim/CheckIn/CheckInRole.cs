namespace CareWatch.FirmwareSim.CheckIn;

/// <summary>How a simulated senior answers the watch's "Are you OK?" prompt.</summary>
public enum CheckInRole
{
    /// <summary>Living her usual day: presses OK with the run's probability, after its delay.</summary>
    Healthy,
    /// <summary>Healthy but dozing (<c>--dozing-watches</c>): still long enough to raise an alert, always presses OK after the delay and gets up.</summary>
    Dozing,
    /// <summary>Collapsed (<c>--still-watches</c>): the watch buzzes and shows the prompt, nobody presses anything.</summary>
    Collapsed,
}
