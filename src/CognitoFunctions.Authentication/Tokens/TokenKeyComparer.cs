using System.Runtime.InteropServices;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The cache's key comparer: equality is the ordinal comparison of the whole token string; the hash,
/// which only picks a bucket, reads the token's last 16 characters, seeded per process by <see cref="HashCode"/>.
/// Hashing the whole 1 KB token with the default randomized hash costs more than the rest of a cache hit, and
/// nothing is lost: only validated tokens are ever inserted, and their last characters are signature bytes that no
/// one chooses without the pool's private key, so buckets stay short.
/// </summary>
internal sealed class TokenKeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    private const int HashedChars = 16;

    public static TokenKeyComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    private static int Hash(ReadOnlySpan<char> token)
    {
        if (token.Length < HashedChars)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(token));
            return hash.ToHashCode();
        }

        var tail = MemoryMarshal.Cast<char, ulong>(token[^HashedChars..]);
        return HashCode.Combine(tail[0], tail[1], tail[2], tail[3], token.Length);
    }
}
