using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Shared;

namespace CognitoFunctions.Cognito.Credentials;

/// <summary>
/// Credentials from AWSSDK.Core's default chain (environment variables, shared profile, web identity token file,
/// container, instance metadata). The chain is searched once, on first use, by one search that concurrent callers
/// share (a failed search is tried again by the next caller); what it finds refreshes itself where it can (e.g.
/// instance-metadata credentials).
/// </summary>
internal sealed class DefaultChainCredentialSource : IAwsCredentialSource, IDisposable
{
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private readonly Lock _gate = new();
    private readonly SingleFlight<AWSCredentials> _search;
    private AWSCredentials? _credentials;

    public DefaultChainCredentialSource()
    {
        _search = new SingleFlight<AWSCredentials>(_gate);
    }

    public async ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var credentials = _credentials ?? await SearchAsync(cancellationToken);
            return await credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException ex)
        {
            // The SDK's message lists which sources it tried and why each failed; it names no secret.
            throw new AwsCredentialsUnavailableException($"The default AWS credential chain found no usable credentials: {ex.Message}", ex);
        }
    }

    public void Dispose() => _resolver.Dispose();

    private Task<AWSCredentials> SearchAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _credentials is { } found ? Task.FromResult(found) : _search.RunAsync(ResolveAsync, cancellationToken);
        }
    }

    // Shared by every waiting caller, so no caller's token reaches it; the chain's sources bound their own calls.
    private async Task<AWSCredentials> ResolveAsync()
    {
        var found = await _resolver.ResolveIdentityAsync(clientConfig: null, CancellationToken.None);
        lock (_gate)
        {
            _credentials = found;
        }

        return found;
    }
}
