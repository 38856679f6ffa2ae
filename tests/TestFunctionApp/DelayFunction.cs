using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>
/// Logs that it started, waits the given time (cancellable), then echoes the <c>tag</c> query value: lets tests
/// make replies finish out of order, or hang up on a running invocation.
/// </summary>
internal sealed partial class DelayFunction
{
    [Function("Delay")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "delay/{milliseconds:int:range(0,10000)}")] HttpRequestData req,
        int milliseconds,
        FunctionContext context)
    {
        var tag = req.Query["tag"];
        var logger = context.GetLogger("Delay");
        LogWaiting(logger, milliseconds, tag);
        await Task.Delay(milliseconds, context.CancellationToken);
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { milliseconds, tag }, context.CancellationToken);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting {Milliseconds} ms for {Tag}")]
    private static partial void LogWaiting(ILogger logger, int milliseconds, string? tag);
}
