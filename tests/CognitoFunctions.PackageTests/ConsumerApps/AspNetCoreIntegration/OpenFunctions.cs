using CognitoFunctions.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PackageConsumer;

/// <summary>
/// Open to anyone, one function through the package's attribute and one through ASP.NET Core's own, as code written
/// for the framework marks it. Both namespaces are imported here: the two attributes' names do not clash.
/// </summary>
public class OpenFunctions
{
    [Function("Open")]
    [CognitoAllowAnonymous]
    public static IActionResult Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequest req) => OpenAnswer();

    [Function("FrameworkOpen")]
    [AllowAnonymous]
    public static IActionResult FrameworkOpen([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "framework-open")] HttpRequest req) => OpenAnswer();

    private static ContentResult OpenAnswer() => new() { Content = "open", ContentType = "text/plain; charset=utf-8" };
}
