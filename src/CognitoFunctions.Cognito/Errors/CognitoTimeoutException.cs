namespace CognitoFunctions.Cognito.Errors;

/// <summary>The call ran out of time: its last attempt or all of them together took longer than the configured timeouts.</summary>
public sealed class CognitoTimeoutException(string operation, CallAttempts attempts, Exception? innerException)
    : CognitoUnavailableException(operation, attempts, $"Cognito {operation} timed out after {attempts.Count} attempt(s).", retryAfter: null, innerException);
