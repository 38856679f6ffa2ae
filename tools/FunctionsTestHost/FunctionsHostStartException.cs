namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The host could not bring the worker up; the message carries what the worker printed last.</summary>
public sealed class FunctionsHostStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FunctionsHostStartException(StartStage stage, string reason, string workerOutput, Exception? innerException = null)
        : base($"The functions test host failed at {stage}: {reason}{Environment.NewLine}--- last worker output ---{Environment.NewLine}{workerOutput}", innerException)
    {
        Stage = stage;
        Reason = reason;
        WorkerOutput = workerOutput;
    }

    /// <summary>The step that failed.</summary>
    public StartStage Stage { get; }

    /// <summary>Why, in one sentence.</summary>
    public string Reason { get; }

    /// <summary>The worker's last log and console lines.</summary>
    public string WorkerOutput { get; }
}
