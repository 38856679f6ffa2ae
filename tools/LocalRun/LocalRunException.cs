namespace CognitoFunctions.LocalRun;

/// <summary>A reason the local run cannot go on, worded for the person who started it (no stack trace).</summary>
internal sealed class LocalRunException : Exception
{
    public LocalRunException(string message)
        : base(message)
    {
    }

    public LocalRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LocalRunException()
    {
    }
}
