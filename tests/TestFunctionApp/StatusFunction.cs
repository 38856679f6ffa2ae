using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>Answers with the status code in the route and no body; <c>nothing</c> returns no response at all.</summary>
internal sealed class StatusFunction
{
    [Function("Status")]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "status/{code:int}")] HttpRequestData req,
        int code) => req.CreateResponse((HttpStatusCode)code);

    [Function("Nothing")]
    public static HttpResponseData? Nothing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "nothing")] HttpRequestData req) => null;
}
