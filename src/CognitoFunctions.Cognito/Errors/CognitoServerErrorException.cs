using System.Net;

namespace CognitoFunctions.Cognito.Errors;

/// <summary>Cognito (or a proxy before it) answered HTTP 5xx, with or without an error code.</summary>
public sealed class CognitoServerErrorException(string operation, CallAttempts attempts, HttpStatusCode statusCode, string? errorCode, string? cognitoMessage, string? requestId, TimeSpan? retryAfter)
    : CognitoUnavailableException(operation, attempts, $"Cognito {operation} failed with HTTP {(int)statusCode} {errorCode ?? "(no error code)"}: {cognitoMessage}", retryAfter)
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The error code when the body had one (e.g. <c>InternalErrorException</c>).</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>Cognito's message, for logs only.</summary>
    public string? CognitoMessage { get; } = cognitoMessage;

    /// <summary>Cognito's request id (<c>x-amzn-RequestId</c>).</summary>
    public string? RequestId { get; } = requestId;
}
