using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace PackageConsumer;

/// <summary>Answers with the tenant claim the app's token check added to the caller's principal.</summary>
public class TenantFunction
{
    [Function("Tenant")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenant")] HttpRequestData req,
        FunctionContext context)
    {
        var response = req.CreateResponse();
        await response.WriteStringAsync(context.GetCognitoPrincipal().FindFirst("tenant")?.Value ?? "(none)");
        return response;
    }
}
