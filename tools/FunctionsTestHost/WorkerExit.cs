namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>How the worker process ended when the host stopped it.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Killed">True when it did not exit within the grace period after <c>WorkerTerminate</c> and was killed.</param>
public sealed record WorkerExit(int ExitCode, bool Killed);
