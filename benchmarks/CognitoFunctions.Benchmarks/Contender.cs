namespace CognitoFunctions.Benchmarks;

/// <summary>
/// One thing timed per round: an operation over a set of tokens, and whether its answer for each was right
/// (the floor and the accepting contenders must accept, the rejecting ones must reject for the stated reason).
/// </summary>
internal sealed class Contender(string name, string description, BenchToken[] tokens, Func<BenchToken, bool> answersRightly, string? goal = null, double? goalRatio = null)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public BenchToken[] Tokens { get; } = tokens;

    public Func<BenchToken, bool> AnswersRightly { get; } = answersRightly;

    public string? Goal { get; } = goal;

    /// <summary>The ratio to the floor the contender should stay at or below, if the issue sets one.</summary>
    public double? GoalRatio { get; } = goalRatio;
}
