namespace CognitoFunctions.Cognito.Credentials;

/// <summary>Where the AWS credentials that sign Cognito's IAM-authorized operations come from.</summary>
public enum AwsCredentialSource
{
    /// <summary>
    /// AWSSDK.Core's default chain: environment variables (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>,
    /// <c>AWS_SESSION_TOKEN</c>), the shared profile, a web identity token file, the container or instance metadata.
    /// </summary>
    Default,

    /// <summary>
    /// The Function App's Azure managed identity: its Entra token for <see cref="AwsOptions.WebIdentityAudience"/> is
    /// exchanged with STS AssumeRoleWithWebIdentity for temporary credentials of <see cref="AwsOptions.RoleArn"/>.
    /// </summary>
    AzureManagedIdentity,
}
