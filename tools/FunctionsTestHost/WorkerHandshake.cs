namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>What the worker said during start-up: who it is, what it can do, and the functions it loaded.</summary>
/// <param name="WorkerId">The id the host gave the worker, echoed in <c>StartStream</c>.</param>
/// <param name="WorkerVersion">The worker package version from <c>WorkerInitResponse</c>.</param>
/// <param name="RuntimeVersion">The .NET runtime version the worker reports (worker metadata).</param>
/// <param name="Capabilities">The capabilities the worker advertised.</param>
/// <param name="Functions">Every function the worker indexed and the host loaded, each loaded successfully.</param>
/// <param name="FunctionErrors">
/// The functions the worker indexed but the host refused to load, by name, with the error the real host logs for
/// each (<c>The '&lt;Name&gt;' function is in error: &lt;error&gt;</c>): they answer 404. Empty when all loaded.
/// </param>
public sealed record WorkerHandshake(
    string WorkerId,
    string WorkerVersion,
    string RuntimeVersion,
    IReadOnlyDictionary<string, string> Capabilities,
    IReadOnlyList<LoadedFunction> Functions,
    IReadOnlyDictionary<string, string> FunctionErrors);
