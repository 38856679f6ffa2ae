using Amazon.Runtime;

namespace CognitoFunctions.Cognito.Credentials;

/// <summary>Supplies the AWS credentials the signing handler signs with; each call returns credentials valid now.</summary>
public interface IAwsCredentialSource
{
    /// <summary>Credentials to sign a request with now.</summary>
    /// <exception cref="Errors.AwsCredentialsUnavailableException">No credentials could be obtained.</exception>
    ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
