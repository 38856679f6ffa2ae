using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// What the <see cref="CognitoFaultProxy"/> answers one request with instead of cognito-local: an HTTP status with a
/// body (by default in Cognito's JSON 1.1 content type), or no answer at all (<see cref="Hangs"/>, <see cref="Drops"/>).
/// </summary>
public sealed record CognitoAnswer(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>No answer: the request is held open until the client gives up (or the proxy stops).</summary>
    public bool Hangs { get; init; }

    /// <summary>No answer: the connection is closed as soon as the request has been read (and, with
    /// <see cref="AfterForwarding"/>, carried out).</summary>
    public bool Drops { get; init; }

    /// <summary>
    /// With an upstream, the request is carried out by cognito-local first and only its answer is replaced (or, with
    /// <see cref="Hangs"/> or <see cref="Drops"/>, lost): what a client sees when Cognito did the work but the answer
    /// never arrived. Without an upstream there is nothing to carry it out.
    /// </summary>
    public bool AfterForwarding { get; init; }

    /// <summary>Never answers: the request waits until the client gives up.</summary>
    public static CognitoAnswer Hanging { get; } = new(0, "") { Hangs = true };

    /// <summary>The whole request is read, then the connection is closed without an answer.</summary>
    public static CognitoAnswer Dropped { get; } = new(0, "") { Drops = true };

    public static CognitoAnswer Ok(string json = "{}") => new(200, json);

    public static CognitoAnswer Ok(JsonObject body) => Ok(body?.ToJsonString() ?? throw new ArgumentNullException(nameof(body)));

    /// <summary>An error as Cognito writes it: <c>{"__type": ..., "message": ...}</c>.</summary>
    public static CognitoAnswer Error(string type, string message = "injected by the test", int status = 400, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), Headers: headers);

    public static CognitoAnswer Throttled(IReadOnlyDictionary<string, string>? headers = null) =>
        Error("TooManyRequestsException", "Too many requests", headers: headers);

    /// <summary>The i-th answer for the i-th request, the last one for every later request.</summary>
    public static Func<ReceivedRequest, CognitoAnswer> Sequence(params CognitoAnswer[] answers) =>
        request => answers[Math.Min(request.Index, answers.Length - 1)];
}
