namespace CareWatch.Evaluation.Method;

/// <summary>Where the learned model plugs into the harness.</summary>
public static class LearnedModel
{
    /// <summary>The hook that trains the model and returns its sensitivities, or null while there is no model.</summary>
    public static ModelHook? Hook => null;
}
