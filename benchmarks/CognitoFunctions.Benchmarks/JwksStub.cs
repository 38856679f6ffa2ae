namespace CognitoFunctions.Benchmarks;

/// <summary>The JWKS document a validator is served from memory, and how many times it was asked for.</summary>
internal sealed class JwksStub(string json)
{
    private int _requests;

    public string Json { get; } = json;

    public int Requests => Volatile.Read(ref _requests);

    public void Count() => Interlocked.Increment(ref _requests);
}
