using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace PackageConsumer;

/// <summary>Requires a token (every HTTP function does once the middleware is in) and answers with its subject.</summary>
public class WhoAmIFunction
{
    [Function("WhoAmI")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "whoami")] HttpRequestData req,
        FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteStringAsync(context.GetCognitoToken().Subject);
        return response;
    }
}
