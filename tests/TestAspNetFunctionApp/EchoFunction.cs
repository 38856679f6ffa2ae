using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Testing.TestAspNetFunctionApp;

/// <summary>Answers with what the function received: method, path, query, headers and body, plus a header of its own.</summary>
internal sealed class EchoFunction
{
    /// <summary>The response header the function sets, so tests see that its headers pass through the host.</summary>
    public const string EchoHeader = "X-Echo-Method";

    [Function("AspNetEcho")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", Route = "echo")] HttpRequest req,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync(req.HttpContext.RequestAborted);
        req.HttpContext.Response.Headers[EchoHeader] = req.Method;
        return new OkObjectResult(new
        {
            method = req.Method,
            path = req.Path.Value,
            query = req.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            headers = req.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body,
            invocationId = context.InvocationId,
            contentLength = req.ContentLength?.ToString(CultureInfo.InvariantCulture),
        });
    }
}
