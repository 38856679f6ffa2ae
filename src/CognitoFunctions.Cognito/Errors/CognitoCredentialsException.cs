namespace CognitoFunctions.Cognito.Errors;

/// <summary>The request could not be signed because no AWS credentials could be obtained (see the inner exception).</summary>
public sealed class CognitoCredentialsException(string operation, CallAttempts attempts, AwsCredentialsUnavailableException innerException)
    : CognitoException(operation, attempts, $"Cognito {operation} was not sent: {innerException.Message}", innerException);
