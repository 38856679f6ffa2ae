namespace CognitoFunctions.Cognito.Credentials;

/// <summary>
/// The AWS credentials the app signs Cognito's IAM-authorized (Admin*) operations with: configuration section
/// <c>Aws</c>, so <c>Aws__CredentialSource</c> in local.settings.json and in Azure app settings.
/// </summary>
public sealed class AwsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Aws";

    /// <summary>Where credentials come from. Optional; default <see cref="AwsCredentialSource.Default"/>.</summary>
    public AwsCredentialSource CredentialSource { get; set; } = AwsCredentialSource.Default;

    /// <summary>
    /// The role assumed with the managed identity's token, e.g. <c>arn:aws:iam::123456789012:role/cognito-functions-app</c>
    /// (output AwsRoleArn of aws-cognito.yaml). Required with <see cref="AwsCredentialSource.AzureManagedIdentity"/>.
    /// </summary>
    public string? RoleArn { get; set; }

    /// <summary>
    /// The Entra application ID URI the managed identity requests its token for, e.g. <c>api://cognito-functions-aws</c>:
    /// the token's <c>aud</c>, which the IAM OIDC provider lists as its client id. The scope asked of Entra is this value
    /// with <c>/.default</c> appended (a value that already ends in <c>/.default</c> is taken as it is).
    /// Required with <see cref="AwsCredentialSource.AzureManagedIdentity"/>.
    /// </summary>
    public string? WebIdentityAudience { get; set; }

    /// <summary>
    /// Client id of a user-assigned managed identity. Optional; empty uses the system-assigned identity.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// How long before their expiry temporary credentials are replaced. Optional; default 5 minutes (<c>00:05:00</c>).
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Entra scope for <see cref="WebIdentityAudience"/>.</summary>
    public string WebIdentityScope =>
        WebIdentityAudience is { } audience && audience.EndsWith(DefaultScopeSuffix, StringComparison.Ordinal)
            ? audience
            : $"{WebIdentityAudience}{DefaultScopeSuffix}";

    private const string DefaultScopeSuffix = "/.default";
}
