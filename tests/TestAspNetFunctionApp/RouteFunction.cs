using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Testing.TestAspNetFunctionApp;

/// <summary>A route with a parameter, bound both as a function parameter and from the request's route values.</summary>
internal sealed class RouteFunction
{
    [Function("AspNetItem")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest req,
        string id)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new OkObjectResult(new { id, routeValue = req.RouteValues["id"]?.ToString() });
    }
}
