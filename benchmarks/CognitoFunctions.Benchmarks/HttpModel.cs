namespace CognitoFunctions.Benchmarks;

/// <summary>The two HTTP models of the .NET isolated worker, each served by its own bench app.</summary>
internal enum HttpModel
{
    /// <summary>HttpRequestData in, HttpResponseData out: the request travels inside the gRPC invocation (benchmarks/BenchFunctionApp).</summary>
    BuiltIn,

    /// <summary>
    /// HttpRequest in, IActionResult out, <c>ConfigureFunctionsWebApplication()</c>: the host sends a minimal invocation
    /// and forwards the request to the worker's own HTTP server (benchmarks/BenchAspNetFunctionApp).
    /// </summary>
    AspNetCore,
}
