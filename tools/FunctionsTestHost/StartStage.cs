namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The step of the host's start-up that failed.</summary>
public enum StartStage
{
    /// <summary>Reading the app folder or launching <c>dotnet &lt;App&gt;.dll</c>.</summary>
    Launch,

    /// <summary>Waiting for the worker to open the gRPC event stream (<c>StartStream</c>).</summary>
    Connect,

    /// <summary><c>WorkerInitRequest</c> / <c>WorkerInitResponse</c>, including the capability check.</summary>
    Initialize,

    /// <summary><c>FunctionsMetadataRequest</c> / <c>FunctionMetadataResponse</c>.</summary>
    Metadata,

    /// <summary>One <c>FunctionLoadRequest</c> per function, until every <c>FunctionLoadResponse</c> is in.</summary>
    Load,

    /// <summary>Opening the HTTP listener.</summary>
    Listen,
}
