using Amazon.Runtime;
using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>Fixed credentials (<see cref="AwsTestKeys"/>, which the scripted fault proxy knows), counting how often they were asked for.</summary>
internal sealed class StaticCredentialSource(ImmutableCredentials credentials) : IAwsCredentialSource
{
    private int _calls;

    public static StaticCredentialSource LongTerm => new(new ImmutableCredentials(AwsTestKeys.AccessKeyId, AwsTestKeys.SecretAccessKey, token: null));

    public static StaticCredentialSource Temporary => new(new ImmutableCredentials(AwsTestKeys.TemporaryAccessKeyId, AwsTestKeys.TemporarySecretAccessKey, AwsTestKeys.SessionToken));

    public int Calls => _calls;

    public ValueTask<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(credentials);
    }
}
