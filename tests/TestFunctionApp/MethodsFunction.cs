using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>Two functions on one route told apart by method, and the function name in the answer.</summary>
internal sealed class MethodsFunction
{
    [Function("GetThing")]
    public static Task<HttpResponseData> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things")] HttpRequestData req,
        FunctionContext context) => Answer(req, context);

    [Function("PostThing")]
    public static Task<HttpResponseData> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "things")] HttpRequestData req,
        FunctionContext context) => Answer(req, context);

    private static async Task<HttpResponseData> Answer(HttpRequestData req, FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { function = context.FunctionDefinition.Name, method = req.Method }, context.CancellationToken);
        return response;
    }
}
