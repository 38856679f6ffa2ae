namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>A fact too slow for every CI run: it runs only when the environment variable RELIABILITY_LONG is 1.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public const string Variable = "RELIABILITY_LONG";

    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A long run: set {Variable}=1 to include it.";
        }
    }
}
