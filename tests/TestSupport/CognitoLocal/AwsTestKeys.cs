namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// The region and the (made-up) AWS keys a scripted <see cref="CognitoFaultProxy"/> accepts signatures from: a
/// long-term key, and a temporary one that must arrive with its session token. Tests sign with them and fake STS
/// issues the temporary one.
/// </summary>
public static class AwsTestKeys
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIAFAKEKEY000000001";
    public const string SecretAccessKey = "fakeSecretKeyForLoopbackTestsOnly000000a";
    public const string TemporaryAccessKeyId = "ASIAFAKEKEY000000002";
    public const string TemporarySecretAccessKey = "fakeTemporarySecretForLoopbackTests00000b";
    public const string SessionToken = "FwoGZXIvYXdzEFakeSessionTokenForTests";
}
