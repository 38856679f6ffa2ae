using CognitoFunctions.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PackageConsumer;

/// <summary>
/// Requires a token (every HTTP function does once the middleware is in) and answers with its subject. Its headers
/// report what ASP.NET Core's <c>HttpContext.User</c> holds, as framework code would see the caller.
/// </summary>
public class WhoAmIFunction
{
    [Function("WhoAmI")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "whoami")] HttpRequest req,
        FunctionContext context)
    {
        var user = req.HttpContext.User;
        req.HttpContext.Response.Headers["X-User-Authenticated"] = user.Identity?.IsAuthenticated == true ? "true" : "false";
        req.HttpContext.Response.Headers["X-User-Authentication-Type"] = user.Identity?.AuthenticationType ?? "";
        req.HttpContext.Response.Headers["X-User-Sub"] = user.FindFirst("sub")?.Value ?? "";
        return new ContentResult { Content = context.GetCognitoToken().Subject, ContentType = "text/plain; charset=utf-8" };
    }
}
