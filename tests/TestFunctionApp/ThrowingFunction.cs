using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>An unhandled exception whose message looks like a secret: a host must not pass it to the client.</summary>
internal sealed class ThrowingFunction
{
    /// <summary>The exception message; tests search responses for its marker.</summary>
    public const string Message = "Unhandled failure: connection string Password=Sup3r-Secret-Marker; token=eyJsecret.marker";

    [Function("Throw")]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "throw")] HttpRequestData req) =>
        throw new InvalidOperationException(Message);
}
