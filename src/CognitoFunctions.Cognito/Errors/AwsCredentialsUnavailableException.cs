namespace CognitoFunctions.Cognito.Errors;

/// <summary>A credential source could not supply AWS credentials. The message names the source and why; never a secret.</summary>
public sealed class AwsCredentialsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsCredentialsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AwsCredentialsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
