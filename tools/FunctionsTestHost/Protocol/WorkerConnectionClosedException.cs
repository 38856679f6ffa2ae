namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The worker's event stream ended (the worker exited or was stopped) while a reply was awaited.</summary>
internal sealed class WorkerConnectionClosedException(string message) : Exception(message);
