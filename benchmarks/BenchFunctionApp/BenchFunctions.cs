using System.Net;
using System.Text;
using System.Text.Json;
using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Benchmarks.FunctionApp;

/// <summary>
/// Two functions that differ only by the token requirement and answer the same bytes, so the difference between
/// their latencies under load is what authentication costs end to end; and a POST that parses a JSON body.
/// benchmarks/BenchAspNetFunctionApp has the same three in ASP.NET Core integration mode.
/// </summary>
internal static class BenchFunctions
{
    private static readonly byte[] _body = """{"message":"benchmark body","sub":"00000000-0000-0000-0000-000000000000"}"""u8.ToArray();

    /// <summary><c>GET /api/anon</c>: no token needed.</summary>
    [Function("Anon")]
    [CognitoAllowAnonymous]
    public static Task<HttpResponseData> AnonAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "anon")] HttpRequestData request) =>
        FixedAsync(request);

    /// <summary><c>GET /api/private</c>: a valid Cognito token needed; the token is read as a function would.</summary>
    [Function("Private")]
    [RequireCognitoToken]
    public static Task<HttpResponseData> PrivateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "private")] HttpRequestData request)
    {
        // Without the middleware (cold-start baseline) there is no token to read; with it, reading the subject makes
        // the principal's cost part of the measurement, while the body stays the anonymous one, byte for byte.
        if (request.FunctionContext.TryGetCognitoToken(out var token))
        {
            GC.KeepAlive(token.Subject);
        }

        return FixedAsync(request);
    }

    /// <summary>
    /// <c>GET /api/revocation-checked</c>: as <c>/api/private</c>, and Cognito (GetUser at the pool's ServiceUrl)
    /// is asked whether the access token was revoked.
    /// </summary>
    [Function("RevocationChecked")]
    [RequireCognitoToken(CheckRevocation = true)]
    public static Task<HttpResponseData> RevocationCheckedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "revocation-checked")] HttpRequestData request) => PrivateAsync(request);

    /// <summary><c>POST /api/items</c>: no token needed; parses the JSON body and answers how many top-level properties it had.</summary>
    [Function("Items")]
    [CognitoAllowAnonymous]
    public static async Task<HttpResponseData> ItemsAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "items")] HttpRequestData request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/json");
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($$"""{"properties":{{document.RootElement.EnumerateObject().Count()}}}"""));
        return response;
    }

    private static async Task<HttpResponseData> FixedAsync(HttpRequestData request)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/json");
        await response.Body.WriteAsync(_body);
        return response;
    }
}
