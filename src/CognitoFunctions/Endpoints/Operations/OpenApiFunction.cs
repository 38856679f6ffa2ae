
namespace CognitoFunctions.Endpoints.Operations;

/// <summary><c>GET /api/openapi.json</c>: the OpenAPI 3.1 description of this API.</summary>
internal sealed class OpenApiFunction(OpenApiDocumentProvider document) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("OpenApi", ApiTag.Operations, "This document")
        {
            Responses = [new(HttpStatusCode.OK, "The OpenAPI 3.1 description of this API.") { AnyJsonObject = true }],
        },
    ];

    [Function("OpenApi")]
    [CognitoAllowAnonymous]
    public Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequestData request) =>
        request.JsonAsync(HttpStatusCode.OK, document.Json, publicDocument: true);
}
