using System.Net;
using CognitoFunctions.Authentication;
using CognitoFunctions.Http;
using CognitoFunctions.OpenApi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 description of this API.</summary>
internal sealed class OpenApiFunction(OpenApiDocumentProvider document)
{
    [Function("OpenApi")]
    [AllowAnonymous]
    public Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequestData request) =>
        request.JsonAsync(HttpStatusCode.OK, document.Json, publicDocument: true);
}
