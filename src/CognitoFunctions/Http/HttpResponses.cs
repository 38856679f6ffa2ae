using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Http;

/// <summary>Writing the API's answers: JSON bodies, problem details, and the headers every answer carries.</summary>
internal static class HttpResponses
{
    /// <summary>
    /// A JSON answer. Every one carries personal data or tokens (tokens, the caller's identity, the user listing, health
    /// that names the pool) and so is never stored by a cache, unless it is a public document such as
    /// the OpenAPI document.
    /// </summary>
    public static Task<HttpResponseData> JsonAsync<T>(this HttpRequestData request, HttpStatusCode status, T body, JsonTypeInfo<T> typeInfo) =>
        request.JsonAsync(status, JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));

    /// <summary>A JSON answer already serialized.</summary>
    public static async Task<HttpResponseData> JsonAsync(this HttpRequestData request, HttpStatusCode status, byte[] utf8Json, bool publicDocument = false)
    {
        var response = request.CreateResponse(status);
        AddBodyHeaders(response, "application/json; charset=utf-8", noStore: !publicDocument);
        await response.WriteBytesAsync(utf8Json);
        return response;
    }

    /// <summary>An empty answer (204, 202).</summary>
    public static HttpResponseData Empty(this HttpRequestData request, HttpStatusCode status) => request.CreateResponse(status);

    /// <summary>An RFC 9457 problem details answer (<c>application/problem+json</c>).</summary>
    public static async Task<HttpResponseData> ProblemAsync(this HttpRequestData request, Problem problem)
    {
        var response = request.CreateResponse(problem.Status);
        AddBodyHeaders(response, ProblemMediaType.ContentType, noStore: true);
        if (problem.RetryAfterSeconds is { } seconds)
        {
            response.Headers.Add("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        var body = new ProblemDetailsBody
        {
            Type = problem.Kind.Type,
            Title = problem.Kind.Title,
            Status = (int)problem.Status,
            Detail = problem.Detail,
            Instance = request.Url.AbsolutePath,
            TraceId = TraceId(request),
            Errors = problem.Errors,
            ChallengeName = problem.ChallengeName,
        };
        await response.WriteBytesAsync(JsonSerializer.SerializeToUtf8Bytes(body, AppJsonContext.Default.ProblemDetailsBody));
        return response;
    }

    // Every answer with a body names its type and forbids sniffing another: a browser must never run a JSON body.
    private static void AddBodyHeaders(HttpResponseData response, string contentType, bool noStore)
    {
        response.Headers.Add("Content-Type", contentType);
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        if (noStore)
        {
            response.Headers.Add("Cache-Control", "no-store");
            response.Headers.Add("Pragma", "no-cache");
        }
    }

    /// <summary>The W3C trace id of the invocation (what Application Insights correlates on), else its invocation id.</summary>
    public static string TraceId(HttpRequestData request) =>
        W3CTraceParent.TraceId(request.FunctionContext.TraceContext?.TraceParent) ?? request.FunctionContext.InvocationId;
}
