using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Credentials;

/// <summary>
/// Credentials from AWSSDK.Core's default chain (environment variables, shared profile, web identity token file,
/// container, instance metadata). The chain is searched once, on first use; what it finds refreshes itself
/// where it can (e.g. instance-metadata credentials).
/// </summary>
internal sealed class DefaultChainCredentialSource : IAwsCredentialSource, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var credentials = _credentials ?? await ResolveAsync(cancellationToken);
            return await credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException ex)
        {
            // The SDK's message lists which sources it tried and why each failed; it names no secret.
            throw new AwsCredentialsUnavailableException($"The default AWS credential chain found no usable credentials: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _resolver.Dispose();
        _gate.Dispose();
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _credentials ??= await _resolver.ResolveIdentityAsync(clientConfig: null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
