using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>
/// Functions on routes the real Functions host keeps for itself (<c>admin…</c>, <c>runtime…</c>): it refuses to load
/// them, whatever the route prefix, so they answer 404. One route beside them that it does serve.
/// </summary>
internal sealed class BuiltInRouteFunctions
{
    [Function("AdminRoute")]
    public static HttpResponseData Admin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/things")] HttpRequestData req) => Answer(req);

    // Case and a leading slash make no difference to the host.
    [Function("RuntimeRoute")]
    public static HttpResponseData Runtime(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "/Runtime/status")] HttpRequestData req) => Answer(req);

    // No route: the host serves it on its name, which starts with "admin" (a prefix, not a path segment).
    [Function("AdministratorsByName")]
    public static HttpResponseData ByName(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData req) => Answer(req);

    // "admin" further down the route is the app's own.
    [Function("ThingsAdmin")]
    public static HttpResponseData ThingsAdmin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/admin")] HttpRequestData req) => Answer(req);

    private static HttpResponseData Answer(HttpRequestData req) => req.CreateResponse();
}
