namespace CognitoFunctions.Cognito.Errors;

/// <summary>
/// Cognito could not be reached or did not answer usably in time (HTTP 5xx, network failure, timeout) after the
/// client's retries: not the caller's fault, worth trying again later.
/// </summary>
public abstract class CognitoUnavailableException : CognitoException
{
    /// <summary>Creates the exception.</summary>
    protected CognitoUnavailableException(string operation, CallAttempts attempts, string message, TimeSpan? retryAfter, Exception? innerException = null)
        : base(operation, attempts, message, innerException) => RetryAfter = retryAfter;

    /// <summary>How long to wait before trying again: Cognito's <c>Retry-After</c>, or null when it gave none.</summary>
    public TimeSpan? RetryAfter { get; }
}
