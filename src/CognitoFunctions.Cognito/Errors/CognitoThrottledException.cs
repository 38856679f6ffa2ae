using System.Net;

namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// Cognito kept throttling the call (<c>TooManyRequestsException</c>, HTTP 400) after the client's retries:
/// a quota of the account and region is exhausted for now.
/// </summary>
public sealed class CognitoThrottledException(string operation, CallAttempts attempts, HttpStatusCode statusCode, string errorCode, string? cognitoMessage, string? requestId, TimeSpan? retryAfter)
    : CognitoServiceException(operation, attempts, statusCode, errorCode, cognitoMessage, requestId)
{
    /// <summary>How long to wait before trying again: Cognito's <c>Retry-After</c>, or null when it gave none.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
