using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>Route templates with constrained, optional and catch-all parameters, bound to method parameters.</summary>
internal sealed class RouteValuesFunction
{
    [Function("RouteValues")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{category:alpha}/{id:int}")] HttpRequestData req,
        string category,
        int id,
        FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { category, id }, context.CancellationToken);
        return response;
    }

    [Function("CatchAll")]
    public static async Task<HttpResponseData> CatchAll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/{*path}")] HttpRequestData req,
        string? path,
        FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { path }, context.CancellationToken);
        return response;
    }

    [Function("Optional")]
    public static async Task<HttpResponseData> Optional(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "greet/{name?}")] HttpRequestData req,
        string? name,
        FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new { name }, context.CancellationToken);
        return response;
    }
}
