namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// A call that is not safe to repeat (<see cref="CognitoOperation.Repeatable"/> false) may have reached Cognito, and
/// its answer was lost: the attempt timed out, the connection broke after the request was sent, or HTTP 5xx came
/// back. Cognito may have carried it out or not; the client did not send it again. The caller must not report a
/// definite failure: the change may have happened.
/// </summary>
public sealed class CognitoOutcomeUnknownException(string operation, CallAttempts attempts, string reason, TimeSpan? retryAfter, Exception innerException)
    : CognitoUnavailableException(operation, attempts, $"Cognito {operation} may or may not have been carried out ({reason}); it is not safe to send again.", retryAfter, innerException)
{
    /// <summary>How the answer was lost: <c>timeout</c>, <c>transport</c> or <c>server_error</c>.</summary>
    public string Reason { get; } = reason;
}
