using System.Net;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>How an injected Cognito call fails.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 InternalErrorException, the request not carried out.</summary>
    ServerError,

    /// <summary>HTTP 400 TooManyRequestsException: a quota is exhausted.</summary>
    Throttled,

    /// <summary>No answer until the client gives up, the request not carried out.</summary>
    Hang,

    /// <summary>Cognito carries the request out, then its answer is replaced by HTTP 500.</summary>
    ServerErrorAfterWork,

    /// <summary>Cognito carries the request out, then its answer is lost (no answer until the client gives up).</summary>
    HangAfterWork,

    /// <summary>Cognito carries the request out, then the connection is closed without an answer.</summary>
    DropAfterWork,
}

internal static class FaultKinds
{
    public static CognitoFault ToFault(this FaultKind kind) => kind switch
    {
        FaultKind.ServerError => new CognitoFault(HttpStatusCode.InternalServerError, "InternalErrorException"),
        FaultKind.Throttled => new CognitoFault(HttpStatusCode.BadRequest, "TooManyRequestsException", "Too many requests"),
        FaultKind.Hang => CognitoFault.Hang(),
        FaultKind.ServerErrorAfterWork => new CognitoFault(HttpStatusCode.InternalServerError, "InternalErrorException") { AfterForwarding = true },
        FaultKind.HangAfterWork => CognitoFault.Hang() with { AfterForwarding = true },
        FaultKind.DropAfterWork => CognitoFault.Drop() with { AfterForwarding = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What the API answers when the call keeps failing this way: 429 for throttling, 503 otherwise.</summary>
    public static (HttpStatusCode Status, string ProblemType) Expected(this FaultKind kind) => kind == FaultKind.Throttled
        ? (HttpStatusCode.TooManyRequests, "/problems/too-many-requests")
        : (HttpStatusCode.ServiceUnavailable, "/problems/service-unavailable");
}
