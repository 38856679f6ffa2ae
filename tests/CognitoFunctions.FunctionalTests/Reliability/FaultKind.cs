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
    public static CognitoAnswer ToFault(this FaultKind kind) => kind switch
    {
        FaultKind.ServerError => CognitoAnswer.Error("InternalErrorException", status: 500),
        FaultKind.Throttled => CognitoAnswer.Throttled(),
        FaultKind.Hang => CognitoAnswer.Hanging,
        FaultKind.ServerErrorAfterWork => CognitoAnswer.Error("InternalErrorException", status: 500) with { AfterForwarding = true },
        FaultKind.HangAfterWork => CognitoAnswer.Hanging with { AfterForwarding = true },
        FaultKind.DropAfterWork => CognitoAnswer.Dropped with { AfterForwarding = true },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What the API answers when the call keeps failing this way: 429 for throttling, 503 otherwise.</summary>
    public static (HttpStatusCode Status, string ProblemType) Expected(this FaultKind kind) => kind == FaultKind.Throttled
        ? (HttpStatusCode.TooManyRequests, "/problems/too-many-requests")
        : (HttpStatusCode.ServiceUnavailable, "/problems/service-unavailable");
}
