using System.Text.Json;
using CognitoFunctions.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Benchmarks.AspNetFunctionApp;

/// <summary>
/// BenchFunctionApp's functions in ASP.NET Core integration mode: same routes, same token requirements, same answers
/// byte for byte, so the two apps differ by the HTTP model alone.
/// </summary>
internal static class BenchFunctions
{
    private static readonly byte[] _body = """{"message":"benchmark body","sub":"00000000-0000-0000-0000-000000000000"}"""u8.ToArray();

    /// <summary><c>GET /api/anon</c>: no token needed.</summary>
    [Function("Anon")]
    [CognitoAllowAnonymous]
    public static IActionResult Anon([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "anon")] HttpRequest request) => Fixed();

    /// <summary><c>GET /api/private</c>: a valid Cognito token needed; the token is read as a function would.</summary>
    [Function("Private")]
    [RequireCognitoToken]
    public static IActionResult Private([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "private")] HttpRequest request, FunctionContext context)
    {
        if (context.TryGetCognitoToken(out var token))
        {
            GC.KeepAlive(token.Subject);
        }

        return Fixed();
    }

    /// <summary><c>POST /api/items</c>: no token needed; parses the JSON body and answers how many top-level properties it had.</summary>
    [Function("Items")]
    [CognitoAllowAnonymous]
    public static async Task<IActionResult> ItemsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "items")] HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        return new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "application/json", Content = $$"""{"properties":{{document.RootElement.EnumerateObject().Count()}}}""" };
    }

    private static FileContentResult Fixed() => new(_body, "application/json");
}
