using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Shared;

namespace CognitoFunctions.Http;

/// <summary>Writing the API's answers: JSON bodies, problem details, and the headers every answer carries.</summary>
internal static class HttpResponses
{
    private const string ErrorsMember = "errors";
    private const string ChallengeNameMember = "challengeName";

    // For HTTP/1.0 caches, which know no Cache-Control.
    private static readonly KeyValuePair<string, string>[] NoCache = [new("Pragma", "no-cache")];

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

    /// <summary>
    /// An RFC 9457 problem details answer (<c>application/problem+json</c>), through the writer the middleware uses too;
    /// this API's own members (<c>errors</c>, <c>challengeName</c>) follow the common ones.
    /// </summary>
    public static Task<HttpResponseData> ProblemAsync(this HttpRequestData request, Problem problem) =>
        ProblemDetailsWriter.WriteAsync(request, new ProblemDetailsAnswer
        {
            Status = problem.Status,
            Type = problem.Kind.Type,
            Title = problem.Kind.Title,
            Detail = problem.Detail,
            TraceId = TraceId(request),
            RetryAfterSeconds = problem.RetryAfterSeconds,
            Headers = NoCache,
            WriteOwnMembers = problem.Errors is null && problem.ChallengeName is null ? null : json => WriteOwnMembers(json, problem),
        });

    /// <summary>The members a problem writes only for some kinds, with their kind (the OpenAPI document says so).</summary>
    public static IReadOnlyDictionary<string, ProblemKind> OwnMembers { get; } = new Dictionary<string, ProblemKind>(StringComparer.Ordinal)
    {
        [ErrorsMember] = ProblemKind.Validation,
        [ChallengeNameMember] = ProblemKind.ChallengeRequired,
    };

    private static void WriteOwnMembers(Utf8JsonWriter json, Problem problem)
    {
        if (problem.Errors is { } errors)
        {
            json.WriteStartObject(ErrorsMember);
            foreach (var (field, messages) in errors)
            {
                json.WriteStartArray(field);
                foreach (var message in messages)
                {
                    json.WriteStringValue(message);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        if (problem.ChallengeName is { } challengeName)
        {
            json.WriteString(ChallengeNameMember, challengeName);
        }
    }

    // Every answer with a body names its type and forbids sniffing another: a browser must never run a JSON body.
    private static void AddBodyHeaders(HttpResponseData response, string contentType, bool noStore)
    {
        response.Headers.Add("Content-Type", contentType);
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        if (noStore)
        {
            response.Headers.Add("Cache-Control", "no-store");
            response.Headers.Add(NoCache[0].Key, NoCache[0].Value);
        }
    }

    /// <summary>The W3C trace id of the invocation (what Application Insights correlates on), else its invocation id.</summary>
    public static string TraceId(HttpRequestData request) =>
        W3CTraceParent.TraceId(request.FunctionContext.TraceContext?.TraceParent) ?? request.FunctionContext.InvocationId;
}
