using System.Buffers.Text;
using System.Text;
using CognitoFunctions.Testing.Tokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>One generated token, with what the floor needs precomputed: the signing input's bytes and the signature.</summary>
internal sealed class BenchToken(string compact, bool isAccess, TestKey key)
{
    public string Compact { get; } = compact;

    public bool IsAccess { get; } = isAccess;

    public TestKey Key { get; } = key;

    public byte[] SigningInput { get; } = Encoding.ASCII.GetBytes(compact[..compact.LastIndexOf('.')]);

    public byte[] Signature { get; } = Base64Url.DecodeFromChars(compact.AsSpan(compact.LastIndexOf('.') + 1));
}
