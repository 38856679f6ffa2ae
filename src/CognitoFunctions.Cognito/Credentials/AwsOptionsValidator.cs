using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito.Credentials;

/// <summary>
/// Start-up validation of <see cref="AwsOptions"/>: the app refuses to start with a message naming the setting as
/// app settings spell it (<c>Aws__RoleArn</c>).
/// </summary>
internal sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();

        if (!Enum.IsDefined(options.CredentialSource))
        {
            failures.Add($"{Setting(nameof(options.CredentialSource))} must be {AwsCredentialSource.Default} or {AwsCredentialSource.AzureManagedIdentity}.");
        }

        if (options.CredentialSource == AwsCredentialSource.AzureManagedIdentity)
        {
            if (string.IsNullOrWhiteSpace(options.RoleArn))
            {
                failures.Add($"{Setting(nameof(options.RoleArn))} is not set: the IAM role to assume with the managed identity (output AwsRoleArn of aws-cognito.yaml), required with {Setting(nameof(options.CredentialSource))}={AwsCredentialSource.AzureManagedIdentity}.");
            }
            else if (!RoleArnPattern().IsMatch(options.RoleArn))
            {
                failures.Add($"{Setting(nameof(options.RoleArn))} '{options.RoleArn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).");
            }

            if (string.IsNullOrWhiteSpace(options.WebIdentityAudience))
            {
                failures.Add($"{Setting(nameof(options.WebIdentityAudience))} is not set: the Entra application ID URI the managed identity gets its token for (e.g. api://cognito-functions-aws), required with {Setting(nameof(options.CredentialSource))}={AwsCredentialSource.AzureManagedIdentity}.");
            }
            else if (!Uri.TryCreate(options.WebIdentityAudience, UriKind.Absolute, out _))
            {
                failures.Add($"{Setting(nameof(options.WebIdentityAudience))} '{options.WebIdentityAudience}' is not an application ID URI (an absolute URI such as api://cognito-functions-aws).");
            }

            if (!string.IsNullOrEmpty(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
            {
                failures.Add($"{Setting(nameof(options.ManagedIdentityClientId))} '{options.ManagedIdentityClientId}' is not a client id (a GUID); leave it empty for the system-assigned identity.");
            }
        }

        if (options.RefreshBeforeExpiry < TimeSpan.Zero || options.RefreshBeforeExpiry > TimeSpan.FromMinutes(14))
        {
            // STS sessions last at least 15 minutes; refreshing earlier than that would refresh on every call.
            failures.Add($"{Setting(nameof(options.RefreshBeforeExpiry))} '{options.RefreshBeforeExpiry}' must lie between 00:00:00 and 00:14:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{AwsOptions.SectionName}__{property}";

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();
}
