using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace PackageConsumer;

/// <summary>Open to anyone: the package's attribute keeps the middleware away from it.</summary>
public class OpenFunction
{
    [Function("Open")]
    [CognitoAllowAnonymous]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequestData req)
    {
        var response = req.CreateResponse();
        await response.WriteStringAsync("open");
        return response;
    }
}
