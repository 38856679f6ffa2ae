namespace CognitoFunctions.Cognito.Errors;

/// <summary>No answer came from Cognito: the connection failed or broke (DNS, refused, reset, TLS).</summary>
public sealed class CognitoTransportException(string operation, CallAttempts attempts, Exception innerException)
    : CognitoUnavailableException(operation, attempts, $"Cognito {operation} could not be reached: {innerException.Message}", retryAfter: null, innerException);
