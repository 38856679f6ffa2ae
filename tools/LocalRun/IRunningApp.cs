namespace CognitoFunctions.LocalRun;

/// <summary>The function app, served by Core Tools or by the functions test host. Disposing stops it.</summary>
internal interface IRunningApp : IAsyncDisposable
{
    /// <summary>Where its functions are, e.g. <c>http://127.0.0.1:7071/</c> (routes under <c>api/</c>).</summary>
    Uri BaseAddress { get; }

    /// <summary>Completes if the app ends by itself, before it is disposed.</summary>
    Task Exited { get; }
}
