using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Testing.TestAspNetFunctionApp;

/// <summary>An unhandled exception whose message looks like a secret: a host must not pass it to the client.</summary>
internal sealed class ThrowingFunction
{
    /// <summary>The exception message; tests search responses for its marker.</summary>
    public const string Message = "Unhandled failure: connection string Password=Sup3r-Secret-Marker; token=eyJsecret.marker";

    [Function("AspNetThrow")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "throw")] HttpRequest req) =>
        throw new InvalidOperationException(Message);
}
