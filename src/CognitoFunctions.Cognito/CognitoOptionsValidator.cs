using CognitoFunctions.Shared;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito;

/// <summary>
/// Start-up validation of <see cref="CognitoOptions"/>: a misconfigured app refuses to start with a message
/// naming the setting as it is spelled in app settings (<c>Cognito__UserPoolId</c>), never printing a secret.
/// </summary>
internal sealed class CognitoOptionsValidator : IValidateOptions<CognitoOptions>
{
    public ValidateOptionsResult Validate(string? name, CognitoOptions options)
    {
        var failures = new List<string>();

        // The configuration binder assigns null to a key that is present but empty, whatever the declared type.
        var region = options.Region ?? "";
        var userPoolId = options.UserPoolId ?? "";
        var clientId = options.ClientId ?? "";

        if (string.IsNullOrWhiteSpace(region))
        {
            failures.Add(Missing(nameof(options.Region), "the user pool's AWS region, e.g. us-east-1"));
        }
        else if (!CognitoIdentifiers.IsRegion(region))
        {
            failures.Add($"{Setting(nameof(options.Region))} '{region}' is not an AWS region name such as us-east-1.");
        }

        if (string.IsNullOrWhiteSpace(userPoolId))
        {
            failures.Add(Missing(nameof(options.UserPoolId), "the user pool id, e.g. us-east-1_AbCdEf123 (output CognitoUserPoolId of aws-cognito.yaml)"));
        }
        else if (!CognitoIdentifiers.TryParseUserPoolId(userPoolId, out var prefix))
        {
            failures.Add($"{Setting(nameof(options.UserPoolId))} '{userPoolId}' is not a user pool id (<region>_<id>).");
        }
        else if (CognitoIdentifiers.IsRegion(region) && CognitoIdentifiers.OtherRegion(prefix, region) is { } other)
        {
            failures.Add($"{Setting(nameof(options.UserPoolId))} '{userPoolId}' belongs to region '{other}', but {Setting(nameof(options.Region))} is '{region}'.");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            failures.Add(Missing(nameof(options.ClientId), "the app client id (output CognitoClientId of aws-cognito.yaml)"));
        }
        else if (!CognitoIdentifiers.IsClientId(clientId))
        {
            failures.Add($"{Setting(nameof(options.ClientId))} is not an app client id (1 to 128 letters, digits, '_' or '+').");
        }

        if (options.ClientSecret is { } secret && secret.Length > 0 && string.IsNullOrWhiteSpace(secret))
        {
            failures.Add($"{Setting(nameof(options.ClientSecret))} is blank; remove it when the app client has no secret.");
        }

        if (options.ServiceUrl is { } serviceUrl && !IsHttpUri(serviceUrl))
        {
            failures.Add($"{Setting(nameof(options.ServiceUrl))} must be an absolute http or https address.");
        }

        if (options.JwksUri is { } jwksUri && !IsHttpUri(jwksUri))
        {
            failures.Add($"{Setting(nameof(options.JwksUri))} must be an absolute http or https address.");
        }

        ValidateResilience(options, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(CognitoOptions options, List<string> failures)
    {
        if (options.AttemptTimeout < MinimumTimeout || options.AttemptTimeout > MaximumTimeout)
        {
            failures.Add($"{Setting(nameof(options.AttemptTimeout))} '{options.AttemptTimeout}' must lie between {MinimumTimeout} and {MaximumTimeout}.");
        }

        if (options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > MaximumTimeout)
        {
            failures.Add($"{Setting(nameof(options.TotalTimeout))} '{options.TotalTimeout}' must be at least {Setting(nameof(options.AttemptTimeout))} ('{options.AttemptTimeout}') and at most {MaximumTimeout}.");
        }

        if (options.MaxRetryAttempts is < 0 or > MaximumRetries)
        {
            failures.Add($"{Setting(nameof(options.MaxRetryAttempts))} '{options.MaxRetryAttempts}' must lie between 0 and {MaximumRetries}.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > MaximumTimeout)
        {
            failures.Add($"{Setting(nameof(options.RetryBaseDelay))} '{options.RetryBaseDelay}' must lie between 00:00:00 and {MaximumTimeout}.");
        }
    }

    // Polly's timeout strategy accepts 10 ms to 1 day; a Cognito call needs far less than the upper bound.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(5);
    private const int MaximumRetries = 10;

    private static string Setting(string property) => $"{CognitoOptions.SectionName}__{property}";

    private static string Missing(string property, string what) => $"{Setting(property)} is not set: {what}.";

    private static bool IsHttpUri(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
