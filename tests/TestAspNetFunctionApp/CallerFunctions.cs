using CognitoFunctions.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Testing.TestAspNetFunctionApp;

/// <summary>
/// Functions behind the Cognito middleware, for its end-to-end tests in this HTTP model: what the function and the
/// framework see of the caller. Served only with the middleware registered (TestApp__CognitoMiddleware).
/// </summary>
public sealed class CallerFunctions
{
    private static readonly AuthorizationPolicy AdminsPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole("admins").Build();

    /// <summary>The caller as the function sees it (its token) and as the framework sees it (HttpContext.User).</summary>
    [Function("Caller")]
    public static async Task<IActionResult> Caller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "caller")] HttpRequest req, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync(req.HttpContext.RequestAborted);
        var user = req.HttpContext.User;
        var authorization = req.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        return new OkObjectResult(new
        {
            sub = context.GetCognitoToken().Subject,
            body,
            user = new
            {
                authenticated = user.Identity?.IsAuthenticated ?? false,
                authenticationType = user.Identity?.AuthenticationType,
                name = user.Identity?.Name,
                sub = user.FindFirst("sub")?.Value,
                samePrincipal = ReferenceEquals(user, context.GetCognitoPrincipal()),
            },
            // Framework code reading HttpContext.User: an authorization policy on Cognito groups (the principal's roles).
            admin = (await authorization.AuthorizeAsync(user, AdminsPolicy)).Succeeded,
        });
    }

    /// <summary>Only for members of the admins group (the package's own requirement).</summary>
    [RequireCognitoToken(Groups = ["admins"])]
    [Function("GroupMembersOnly")]
    public static IActionResult GroupMembersOnly(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "group-members")] HttpRequest req) => new OkObjectResult("admin");

    /// <summary>Anonymous by the package's attribute: what the framework sees of a caller here (nobody).</summary>
    [CognitoAllowAnonymous]
    [Function("Open")]
    public static IActionResult Open(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new OkObjectResult(new { authenticated = req.HttpContext.User.Identity?.IsAuthenticated ?? false });
    }

    /// <summary>Anonymous by the framework's attribute, which such apps import.</summary>
    [AllowAnonymous]
    [Function("FrameworkOpen")]
    public static IActionResult FrameworkOpen(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "framework-open")] HttpRequest req) => new OkObjectResult("open");

    /// <summary>A function of the built-in model's signature in the same app: the middleware serves it too.</summary>
    [Function("RequestDataCaller")]
    public static async Task<HttpResponseData> RequestDataCaller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "request-data-caller")] HttpRequestData req, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        var response = req.CreateResponse();
        await response.WriteStringAsync(context.GetCognitoToken().Subject);
        return response;
    }
}
