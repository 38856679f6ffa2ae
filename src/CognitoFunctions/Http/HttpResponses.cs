using CognitoFunctions.Accounts;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Shared;

namespace CognitoFunctions.Http;

/// <summary>Writing the API's answers: JSON bodies, problem details, and the headers every answer carries.</summary>
internal static class HttpResponses
{
    private const string ErrorsMember = "errors";
    private const string ChallengeNameMember = "challengeName";
    private const string SessionMember = "session";
    private const string RespondWithMember = "respondWith";
    private const string DeliveryMediumMember = "deliveryMedium";
    private const string DestinationMember = "destination";
    private const string FactorsMember = "factors";
    private const string SecretCodeMember = "secretCode";
    private const string OtpAuthUriMember = "otpAuthUri";

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
            WriteOwnMembers = problem.Errors is null && problem.ChallengeName is null && problem.Challenge is null ? null : json => WriteOwnMembers(json, problem),
        });

    /// <summary>The members a problem writes only for some kinds: their kind, their type, and whether it always has them (the OpenAPI document says so).</summary>
    public static IReadOnlyList<OwnMember> OwnMembers { get; } =
    [
        new(ErrorsMember, ProblemKind.Validation, typeof(IReadOnlyDictionary<string, string[]>), Always: true),
        new(ChallengeNameMember, ProblemKind.ChallengeRequired, typeof(string), Always: true),
        new(SessionMember, ProblemKind.ChallengeRequired, typeof(string), Always: true, "Opaque: send it back unchanged with the answer. Valid as long as Cognito's session (3 minutes by default)."),
        new(RespondWithMember, ProblemKind.ChallengeRequired, typeof(string[]), Always: true, "The fields the answer must have besides `session`: `code`, `newPassword` or `factor`."),
        new(DeliveryMediumMember, ProblemKind.ChallengeRequired, typeof(string), Always: false, "SMS_MFA, EMAIL_OTP: how the code was sent (`SMS`, `EMAIL`)."),
        new(DestinationMember, ProblemKind.ChallengeRequired, typeof(string), Always: false, "SMS_MFA, EMAIL_OTP: where the code was sent, masked."),
        new(FactorsMember, ProblemKind.ChallengeRequired, typeof(string[]), Always: false, "SELECT_MFA_TYPE: the factors to choose from."),
        new(SecretCodeMember, ProblemKind.ChallengeRequired, typeof(string), Always: false, "MFA_SETUP: the new authenticator app's secret (base32)."),
        new(OtpAuthUriMember, ProblemKind.ChallengeRequired, typeof(string), Always: false, "MFA_SETUP: the secret's otpauth:// URI, for a QR code."),
        new(ChallengeNameMember, ProblemKind.ChallengeUnsupported, typeof(string), Always: true),
    ];

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

        if (problem.Challenge is { } challenge)
        {
            WriteChallenge(json, challenge);
        }
    }

    private static void WriteChallenge(Utf8JsonWriter json, LogInChallenge challenge)
    {
        json.WriteString(ChallengeNameMember, challenge.Name);
        json.WriteString(SessionMember, challenge.Session);
        WriteNames(json, RespondWithMember, challenge.RespondWith);
        if (challenge.CodeDelivery is { } delivery)
        {
            json.WriteString(DeliveryMediumMember, delivery.Medium);
            json.WriteString(DestinationMember, delivery.Destination);
        }

        if (challenge.Factors is { } factors)
        {
            WriteNames(json, FactorsMember, factors);
        }

        if (challenge.SecretCode is { } secret)
        {
            json.WriteString(SecretCodeMember, secret);
        }

        if (challenge.OtpAuthUri is { } uri)
        {
            json.WriteString(OtpAuthUriMember, uri);
        }
    }

    private static void WriteNames(Utf8JsonWriter json, string member, IReadOnlyList<string> names)
    {
        json.WriteStartArray(member);
        foreach (var name in names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
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

/// <summary>A member a problem writes only for one kind: its JSON name, its type, whether it always has it, and what it means.</summary>
internal sealed record OwnMember(string Name, ProblemKind Kind, Type Type, bool Always, string? Description = null);
