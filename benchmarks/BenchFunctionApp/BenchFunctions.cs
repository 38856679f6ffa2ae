using System.Net;
using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Benchmarks.FunctionApp;

/// <summary>
/// Two functions that differ only by the token requirement and answer the same bytes, so the difference between
/// their latencies under load is what authentication costs end to end.
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

    private static async Task<HttpResponseData> FixedAsync(HttpRequestData request)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/json");
        await response.Body.WriteAsync(_body);
        return response;
    }
}
