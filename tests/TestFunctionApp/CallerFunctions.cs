using System.Net;
using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>
/// Functions behind the Cognito middleware, for its end-to-end tests in the built-in HTTP model (the same routes as
/// the ASP.NET Core integration test app has). Served only with the middleware registered (TestApp__CognitoMiddleware).
/// </summary>
public sealed class CallerFunctions
{
    /// <summary>The caller as the function sees it, and the body it was sent.</summary>
    [Function("Caller")]
    public static async Task<HttpResponseData> Caller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "caller")] HttpRequestData req, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.GetCognitoPrincipal();
        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(new
        {
            sub = context.GetCognitoToken().Subject,
            body = await req.ReadAsStringAsync(),
            principal = new { authenticated = principal.Identity?.IsAuthenticated ?? false, authenticationType = principal.Identity?.AuthenticationType },
        });
        return response;
    }

    /// <summary>Only for members of the admins group.</summary>
    [RequireCognitoToken(Groups = ["admins"])]
    [Function("GroupMembersOnly")]
    public static HttpResponseData GroupMembersOnly(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "group-members")] HttpRequestData req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return req.CreateResponse(HttpStatusCode.OK);
    }

    /// <summary>Only for access tokens Cognito says are not revoked.</summary>
    [RequireCognitoToken(CheckRevocation = true)]
    [Function("RevocationChecked")]
    public static HttpResponseData RevocationChecked(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "revocation-checked")] HttpRequestData req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return req.CreateResponse(HttpStatusCode.OK);
    }

    /// <summary>Anonymous.</summary>
    [CognitoAllowAnonymous]
    [Function("Open")]
    public static HttpResponseData Open(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequestData req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return req.CreateResponse(HttpStatusCode.OK);
    }
}
