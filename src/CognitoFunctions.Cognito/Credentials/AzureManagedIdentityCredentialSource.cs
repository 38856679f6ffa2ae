using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Azure;
using Azure.Core;
using Azure.Identity;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Cognito.Credentials;

/// <summary>
/// Temporary AWS credentials for the Function App's Azure managed identity: its Entra token is exchanged with
/// STS AssumeRoleWithWebIdentity. Credentials are cached and replaced <see cref="AwsOptions.RefreshBeforeExpiry"/>
/// before they expire; concurrent callers share one exchange; when an exchange fails while the cached credentials
/// are still valid, those are used and the next call tries again.
/// </summary>
internal sealed partial class AzureManagedIdentityCredentialSource : IAwsCredentialSource
{
    // [\w+=,.@-]{2,64}: shows in CloudTrail as the assumed role's session.
    internal const string RoleSessionName = "cognito-functions";

    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(30);

    private readonly TokenCredential _tokenCredential;
    private readonly IAmazonSecurityTokenService _sts;
    private readonly string _roleArn;
    private readonly string _scope;
    private readonly TimeSpan _refreshBeforeExpiry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SingleFlight<CachedCredentials> _exchange = new();
    private CachedCredentials? _current;

    public AzureManagedIdentityCredentialSource(
        TokenCredential tokenCredential,
        IAmazonSecurityTokenService sts,
        AwsOptions options,
        TimeProvider time,
        ILogger<AzureManagedIdentityCredentialSource> logger)
    {
        _tokenCredential = tokenCredential;
        _sts = sts;
        _roleArn = options.RoleArn ?? throw new ArgumentException("RoleArn is required.", nameof(options));
        _scope = options.WebIdentityScope;
        _refreshBeforeExpiry = options.RefreshBeforeExpiry;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetUtcNow() < current.Expiration - _refreshBeforeExpiry)
        {
            return current.Credentials;
        }

        try
        {
            // A finished exchange (done or failed) is never reused: a failure is retried by the next caller.
            return (await _exchange.RunAsync(ExchangeAsync, cancellationToken)).Credentials;
        }
        catch (AwsCredentialsUnavailableException ex) when (current is not null && _time.GetUtcNow() < current.Expiration)
        {
            LogRefreshFailedUsingCached(_logger, ex, current.Expiration);
            return current.Credentials;
        }
    }

    private async Task<CachedCredentials> ExchangeAsync()
    {
        // Shared by every waiting caller, so no caller's cancellation may end it; it has its own bound.
        using var timeout = new CancellationTokenSource(ExchangeTimeout, _time);
        AccessToken token;
        try
        {
            token = await _tokenCredential.GetTokenAsync(new TokenRequestContext([_scope]), timeout.Token);
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException or OperationCanceledException)
        {
            throw new AwsCredentialsUnavailableException($"The Azure managed identity gave no token for scope '{_scope}': {ex.GetType().Name}.", ex);
        }

        AssumeRoleWithWebIdentityResponse response;
        try
        {
            response = await _sts.AssumeRoleWithWebIdentityAsync(
                new AssumeRoleWithWebIdentityRequest
                {
                    RoleArn = _roleArn,
                    RoleSessionName = RoleSessionName,
                    WebIdentityToken = token.Token,
                },
                timeout.Token);
        }
        catch (AmazonServiceException ex)
        {
            throw new AwsCredentialsUnavailableException($"STS AssumeRoleWithWebIdentity for role '{_roleArn}' failed with {(int)ex.StatusCode} {ex.ErrorCode}.", ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            throw new AwsCredentialsUnavailableException($"STS AssumeRoleWithWebIdentity for role '{_roleArn}' did not answer: {ex.GetType().Name}.", ex);
        }

        var issued = response.Credentials;
        if (issued is not { AccessKeyId: { Length: > 0 }, SecretAccessKey: { Length: > 0 }, SessionToken: { Length: > 0 }, Expiration: { } expiration })
        {
            throw new AwsCredentialsUnavailableException($"STS AssumeRoleWithWebIdentity for role '{_roleArn}' answered without complete credentials.");
        }

        var cached = new CachedCredentials(
            new ImmutableCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken),
            AsUtc(expiration));
        Volatile.Write(ref _current, cached);
        LogCredentialsIssued(_logger, _roleArn, cached.Expiration);
        return cached;
    }

    // The SDK's XML reader may hand back an unspecified kind; STS times are UTC.
    private static DateTimeOffset AsUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());

    private sealed record CachedCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "AWS credentials for role {RoleArn} obtained with the Azure managed identity; they expire at {Expiration:O}.")]
    private static partial void LogCredentialsIssued(ILogger logger, string roleArn, DateTimeOffset expiration);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Refreshing the AWS credentials failed; the cached ones stay in use until they expire at {Expiration:O}.")]
    private static partial void LogRefreshFailedUsingCached(ILogger logger, Exception exception, DateTimeOffset expiration);
}
