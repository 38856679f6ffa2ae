using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>Waits the given time, then echoes the <c>tag</c> query value: lets tests make replies finish out of order.</summary>
internal sealed class DelayFunction
{
    [Function("Delay")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "delay/{milliseconds:int:range(0,10000)}")] HttpRequestData req,
        int milliseconds,
        FunctionContext context)
    {
        await Task.Delay(milliseconds, context.CancellationToken);
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { milliseconds, tag = req.Query["tag"] }, context.CancellationToken);
        return response;
    }
}
