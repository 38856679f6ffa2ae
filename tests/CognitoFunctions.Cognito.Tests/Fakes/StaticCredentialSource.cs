using Amazon.Runtime;
using CognitoFunctions.Cognito.Credentials;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>Fixed credentials (the fake's test keys), counting how often they were asked for.</summary>
internal sealed class StaticCredentialSource(ImmutableCredentials credentials) : IAwsCredentialSource
{
    private int _calls;

    public static StaticCredentialSource LongTerm => new(new ImmutableCredentials(FakeCognito.AccessKeyId, FakeCognito.SecretAccessKey, token: null));

    public static StaticCredentialSource Temporary => new(new ImmutableCredentials(FakeCognito.TemporaryAccessKeyId, FakeCognito.TemporarySecretAccessKey, FakeCognito.SessionToken));

    public int Calls => _calls;

    public ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(credentials);
    }
}
